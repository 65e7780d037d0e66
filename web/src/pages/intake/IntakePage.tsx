import { Empty } from 'antd';

/** Placeholder: being built (#5). */
export function IntakePage() {
  return <Empty />;
}
