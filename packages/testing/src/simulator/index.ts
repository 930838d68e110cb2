export {
  type Reply,
  type EventFailure,
  type PartialFailure,
  type PlatformBehaviour,
  PLATFORMS,
  GENERIC_PLATFORM,
  eventCount,
  eventsOf,
} from './platforms';
export {
  type RequestMatcher,
  type Scenario,
  type ScriptOptions,
  type ScriptedResponse,
  type Simulator,
  type SimulatorOptions,
  type SimulatorRequest,
  startSimulator,
} from './server';
