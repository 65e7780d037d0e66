/** Queries of the message-template page (#11 item 5): the list, one template, saving, the preview. */
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { client, ok, type Answer, type Body } from '../../../api/client';

export type TemplateList = Answer<'/api/admin/message-templates', 'get'>;
export type TemplateSummary = TemplateList['items'][number];
export type TemplateCode = TemplateSummary['code'];
export type TemplateDetail = Answer<'/api/admin/message-templates/{code}', 'get'>;
export type TemplateLocale = TemplateDetail['locales'][number]['locale'];
export type TemplateVersion = TemplateDetail['locales'][number]['versions'][number];
export type TemplatePreview = Answer<'/api/admin/message-templates/{code}/preview', 'post'>;
export type SaveBody = Body<'/api/admin/message-templates/{code}/versions', 'post'>;

const KEYS = {
  list: ['admin', 'message-templates'],
  one: (code: string) => ['admin', 'message-templates', code],
} as const;

export function useTemplates() {
  return useQuery({ queryKey: KEYS.list, queryFn: () => ok(client.GET('/api/admin/message-templates')), select: (d) => d.items });
}

export function useTemplate(code: TemplateCode | undefined) {
  return useQuery({
    queryKey: KEYS.one(code ?? ''),
    queryFn: code === undefined ? skipToken : () => ok(client.GET('/api/admin/message-templates/{code}', { params: { path: { code } } })),
  });
}

/** Saves a version (or restores the built-in text); the list and the template are read again. */
export function useSaveTemplate(code: TemplateCode) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveBody) => ok(client.POST('/api/admin/message-templates/{code}/versions', { params: { path: { code } }, body })),
    onSuccess: () =>
      Promise.all([queries.invalidateQueries({ queryKey: KEYS.list }), queries.invalidateQueries({ queryKey: KEYS.one(code) })]),
  });
}

/** A value that follows `value` once it has stayed the same for `ms` (typing pauses before a preview is asked). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return settled;
}

export interface Draft {
  locale: TemplateLocale;
  subject: string;
  body: string;
  complaintNumber: string;
}

/** The draft rendered by the server; the previous answer stays while the next is on its way. */
export function usePreview(code: TemplateCode, draft: Draft | null) {
  return useQuery({
    queryKey: ['admin', 'message-template-preview', code, draft],
    queryFn:
      draft === null
        ? skipToken
        : () =>
            ok(
              client.POST('/api/admin/message-templates/{code}/preview', {
                params: { path: { code } },
                body: {
                  locale: draft.locale,
                  subject: draft.subject,
                  body: draft.body,
                  complaintNumber: draft.complaintNumber.trim() || null,
                },
              }),
            ),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}
