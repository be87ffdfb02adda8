/**
 * The tab a key moves to in a tab list (WAI-ARIA tabs pattern): arrows wrap
 * around, Home and End go to the ends; null for any other key.
 */
export function tabAfterKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The item a key moves to in a vertical menu (WAI-ARIA menu pattern): Up and
 * Down wrap around, Home and End go to the ends; null for any other key.
 */
export function menuItemAfterKey(key: string, current: number, count: number): number | null {
  return key === 'ArrowLeft' || key === 'ArrowRight' ? null : tabAfterKey(key, current, count);
}
