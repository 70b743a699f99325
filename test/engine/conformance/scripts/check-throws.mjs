// k6 v2.2.0: a check whose callback throws is recorded as failed (later callbacks of that
// check() call do not run) and the exception goes on to the caller.
import { check } from 'k6';

export const options = { iterations: 1 };

export default function () {
  let caught = '';
  try {
    check(1, {
      'before passes': () => true,
      throws: () => {
        throw new Error('callback threw');
      },
      'after never runs': () => true,
    });
  } catch (error) {
    caught = error.message;
  }
  check(caught, { 'the exception reached the caller': (m) => m === 'callback threw' });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
