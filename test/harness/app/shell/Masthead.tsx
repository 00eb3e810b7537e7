import {
  Label,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  PageToggleButton,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from '@patternfly/react-core';
import BarsIcon from '@patternfly/react-icons/dist/esm/icons/bars-icon';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n';

export const USER_COOKIE = 'harness-user';

export const currentUser = (): string => {
  const users = window.HARNESS.users;
  const fromCookie = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${USER_COOKIE}=`))
    ?.slice(USER_COOKIE.length + 1);
  return fromCookie && users.includes(fromCookie) ? fromCookie : users[0];
};

/** The server turns the cookie into the API token; a new user is a new session, as after a login. */
const switchUser = (user: string) => {
  document.cookie = `${USER_COOKIE}=${user}; path=/; SameSite=Strict`;
  window.location.reload();
};

export const HarnessMasthead = () => {
  const { i18n } = useTranslation();
  const user = currentUser();
  const { api, scenario, users } = window.HARNESS;
  return (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton variant="plain" aria-label="Global navigation">
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component="span" className="harness-product-name">
            Console harness
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarItem>
              <Label color="blue" data-test="harness-api">
                {scenario ? `simulator: ${scenario}` : `API: ${api}`}
              </Label>
            </ToolbarItem>
            <ToolbarGroup align={{ default: 'alignEnd' }}>
              <ToolbarItem>
                <ToggleGroup aria-label="Language">
                  {LANGUAGES.map(({ code, label }) => (
                    <ToggleGroupItem
                      key={code}
                      text={label}
                      lang={code}
                      isSelected={i18n.language === code}
                      onChange={() => void changeLanguage(code)}
                    />
                  ))}
                </ToggleGroup>
              </ToolbarItem>
              {users.length > 1 && (
                <ToolbarItem>
                  <ToggleGroup aria-label="User">
                    {users.map((name) => (
                      <ToggleGroupItem key={name} text={name} isSelected={user === name} onChange={() => user !== name && switchUser(name)} />
                    ))}
                  </ToggleGroup>
                </ToolbarItem>
              )}
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
};
