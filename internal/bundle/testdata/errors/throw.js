import { check } from 'k6';

export default function () {
  check(1, {});
  const data = { list: [] };
  return data.list.first.name;
}
