/**
 * The article editor: tiptap 3 (ProseMirror) with headings, bold, italic, lists, quotes, links and
 * images uploaded to the server. It hands HTML to the form; the server sanitises it with an
 * allow-list before storing, so this editor is a convenience, never the safety line.
 */
import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../i18n/dictionary';
import { useI18n } from '../../../i18n/i18n';
import { uploadImage } from './publicity-api';
import './rich-text.css';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  id?: string;
}

export function RichTextEditor({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto', 'tel'], defaultProtocol: 'https' },
      }),
      Image.configure({ inline: false, allowBase64: false }),
    ],
    content: value ?? '',
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { class: 'rte-content', 'data-testid': 'article-editor', 'aria-labelledby': id ? `${id}-label` : '' } },
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
  });

  const insertImage = async (file: File | undefined) => {
    if (!file || !editor) return;
    setUploading(true);
    try {
      const image = await uploadImage(file);
      editor
        .chain()
        .focus()
        .setImage({ src: image.url, alt: file.name.replace(/\.[^.]+$/, '') })
        .run();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const setLink = (e: Editor) => {
    const current = (e.getAttributes('link') as { href?: string }).href ?? '';
    const href = window.prompt(t('publicity.editor.linkPrompt'), current);
    if (href === null) return;
    if (href.trim() === '') e.chain().focus().extendMarkRange('link').unsetLink().run();
    else e.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };

  if (!editor) return null;
  const tool = (label: MessageKey, icon: ReactNode, active: boolean, run: () => void, testId?: string) => (
    <Tooltip title={t(label)} key={label}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        icon={icon}
        onClick={run}
        aria-label={t(label)}
        aria-pressed={active}
        data-testid={testId}
      />
    </Tooltip>
  );
  const text = (label: MessageKey, short: string, active: boolean, run: () => void) => (
    <Tooltip title={t(label)} key={label}>
      <Button size="small" type={active ? 'primary' : 'text'} onClick={run} aria-label={t(label)} aria-pressed={active}>
        {short}
      </Button>
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="rte" id={id}>
      <Space size={2} wrap className="rte-toolbar" role="toolbar">
        {text('publicity.editor.h2', 'H2', editor.isActive('heading', { level: 2 }), () => chain().toggleHeading({ level: 2 }).run())}
        {text('publicity.editor.h3', 'H3', editor.isActive('heading', { level: 3 }), () => chain().toggleHeading({ level: 3 }).run())}
        {tool('publicity.editor.bold', <BoldOutlined />, editor.isActive('bold'), () => chain().toggleBold().run())}
        {tool('publicity.editor.italic', <ItalicOutlined />, editor.isActive('italic'), () => chain().toggleItalic().run())}
        {tool('publicity.editor.bullet', <UnorderedListOutlined />, editor.isActive('bulletList'), () => chain().toggleBulletList().run())}
        {tool('publicity.editor.ordered', <OrderedListOutlined />, editor.isActive('orderedList'), () => chain().toggleOrderedList().run())}
        {text('publicity.editor.quote', '“ ”', editor.isActive('blockquote'), () => chain().toggleBlockquote().run())}
        {tool('publicity.editor.link', <LinkOutlined />, editor.isActive('link'), () => setLink(editor))}
        {tool('publicity.editor.image', <PictureOutlined />, false, () => fileInput.current?.click(), 'editor-image')}
        {tool('publicity.editor.undo', <UndoOutlined />, false, () => chain().undo().run())}
        {tool('publicity.editor.redo', <RedoOutlined />, false, () => chain().redo().run())}
        {uploading && <Typography.Text type="secondary">{t('publicity.editor.uploading')}</Typography.Text>}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        hidden
        data-testid="editor-image-input"
        onChange={(e) => void insertImage(e.target.files?.[0])}
      />
      <EditorContent editor={editor} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('publicity.editor.imageHint')}
      </Typography.Text>
    </div>
  );
}
