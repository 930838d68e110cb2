import type { RelayEvent } from '@relay/core';

/** Pinterest takes money as decimal strings (`"80.79"`), parsed on its side into a double. */
export function moneyString(value: number): string {
  return String(value);
}

/** Pinterest `custom_data`: value (string) with currency, order id, and the items. */
export function customDataOf(event: RelayEvent, limitedDataProcessing: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (event.value !== undefined) {
    data['currency'] = event.currency;
    data['value'] = moneyString(event.value);
  }
  data['order_id'] = event.orderId;
  const items = event.items.filter((item) => item.id !== undefined);
  if (items.length > 0) {
    data['content_ids'] = items.map((item) => item.id);
    data['contents'] = items.map((item) => {
      const content: Record<string, unknown> = { id: item.id, quantity: quantityOf(item.quantity) };
      if (item.price !== undefined) content['item_price'] = moneyString(item.price);
      if (item.name !== undefined) content['item_name'] = item.name;
      if (item.category !== undefined) content['item_category'] = item.category;
      return content;
    });
    data['num_items'] = items.reduce((sum, item) => sum + quantityOf(item.quantity), 0);
  }
  if (limitedDataProcessing) data['opt_out_type'] = 'LDP';
  return data;
}

/** Pinterest quantities are integers; a missing or non-positive quantity counts as one. */
function quantityOf(quantity: number | undefined): number {
  if (quantity === undefined) return 1;
  return Math.max(1, Math.round(quantity));
}
