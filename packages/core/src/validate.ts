import type { z } from 'zod';
import { ValidationError } from './errors';

/** One line per problem, each naming the field path (`credentials.pixel_id: Required`). */
export function describeIssues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Parse with a zod schema or throw a `ValidationError` naming the first bad field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const field = first?.path.map(String).join('.') || undefined;
  throw new ValidationError(`Invalid ${what}: ${describeIssues(result.error).join('; ')}`, {
    ...(field ? { field } : {}),
    details: { issues: result.error.issues },
  });
}
