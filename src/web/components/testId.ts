/**
 * `data-testid` for antd props typed without data attributes (okButtonProps, menu items…).
 * The browser tests find elements by these ids.
 */
export function testId<T extends object>(id: string): T {
  return { 'data-testid': id } as unknown as T;
}
