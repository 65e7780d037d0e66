import { Alert, Typography } from 'antd';
import { ApiError } from '../../api';
import { fieldPath, fieldText } from './admin-api';
import { usePolicyPathLabel } from './use-policy-labels';

/** A refused publication: every field the server named, by its path in the policy, with the reason. */
export function PolicyErrors({ error }: { error: Error | null }) {
  const pathLabel = usePolicyPathLabel();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      message={error.message}
      data-testid="policy-errors"
      style={{ marginBottom: 16 }}
      description={
        fields.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {fields.map((f, i) => (
              <li key={`${f.field}-${i}`} data-path={fieldPath(f).replace(/^policy\./, '')}>
                <Typography.Text strong>{pathLabel(fieldPath(f))}</Typography.Text>：{fieldText(f)}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** The message the server gave for one path of the policy (`regulatory.maxDays`), for the field showing it. */
export function policyFieldError(error: Error | null, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const f = error.fields.find((x) => fieldPath(x) === `policy.${path}`);
  return f && fieldText(f);
}
