import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from './i18n/i18n';

/** Switches between Simplified Chinese and English (remembered in this browser). */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      type="text"
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      icon={<GlobalOutlined />}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
      data-testid="language-switch"
    >
      {t('app.switchLanguage')}
    </Button>
  );
}
