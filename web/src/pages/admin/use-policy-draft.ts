/** A draft of the policy in force, edited locally and published as a new version with a reason. */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { client, ok } from '../../api/client';
import { useRefreshPolicy, usePolicy } from './admin-api';
import type { PolicyDoc } from './admin-types';
import { diffPolicies } from './policy-diff';

export function usePolicyDraft() {
  const policy = usePolicy();
  const current = policy.data;
  // the draft belongs to the version it was made from: once another version is in force it is dropped
  const [state, setState] = useState<{ version: number; doc: PolicyDoc } | null>(null);
  const draft = current && state?.version === current.version ? state.doc : current?.policy;

  const edit = useCallback(
    (change: (doc: PolicyDoc) => void) => {
      if (!current) return;
      setState((prev) => {
        const next = structuredClone(prev?.version === current.version ? prev.doc : current.policy);
        change(next);
        return { version: current.version, doc: next };
      });
    },
    [current],
  );
  const replace = useCallback((doc: PolicyDoc) => current && setState({ version: current.version, doc }), [current]);
  const reset = useCallback(() => setState(null), []);
  const changes = useMemo(() => (current && draft ? diffPolicies(current.policy, draft) : []), [current, draft]);

  return { policy, current, draft, edit, replace, reset, changes };
}

export function usePublishPolicy() {
  const refresh = useRefreshPolicy();
  return useMutation({
    mutationFn: (input: { policy: PolicyDoc; reason: string }) => ok(client.PUT('/api/policy', { body: input })),
    onSuccess: refresh,
  });
}
