import { isHrefNavItem, isNavSection } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { FormSelect, FormSelectOption, Nav, NavExpandable, NavItem, NavList } from '@patternfly/react-core';
import { type AnchorHTMLAttributes, forwardRef } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useActivePerspective } from '../sdk/console-state';
import { useExtensions } from '../sdk/extensions';
import { DEFAULT_PERSPECTIVE, PERSPECTIVES } from './perspective';
import { useExtensionTranslation } from './translate';

const inPerspective = (perspective: string | undefined, active: string) => (perspective ?? DEFAULT_PERSPECTIVE) === active;

/** PatternFly's nav link (it passes `href`) rendered by the router, so following it does not reload the page. */
const RouterLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(({ href = '/', ...props }, ref) => (
  <Link {...props} innerRef={ref} to={href} />
));
RouterLink.displayName = 'RouterLink';

const useNavItems = () => {
  const [perspective] = useActivePerspective();
  const sections = useExtensions(isNavSection).filter((e) => inPerspective(e.properties.perspective, perspective));
  const items = useExtensions(isHrefNavItem).filter((e) => inPerspective(e.properties.perspective, perspective));
  return { sections, items };
};

/** The href of the first nav item of the active perspective: the harness's landing page. */
export const useLandingHref = () => useNavItems().items[0]?.properties.href;

export const PerspectiveSwitch = () => {
  const [active, setActive] = useActivePerspective();
  return (
    <div className="harness-perspective-switch">
      <FormSelect aria-label="Perspective" value={active} onChange={(_e, id) => setActive(id)}>
        {PERSPECTIVES.map(({ id, name }) => (
          <FormSelectOption key={id} value={id} label={name} />
        ))}
      </FormSelect>
    </div>
  );
};

/** The console's nav, from `console.navigation/section` and `console.navigation/href` extensions. */
export const HarnessNav = () => {
  const translate = useExtensionTranslation();
  const { pathname } = useLocation();
  const { sections, items } = useNavItems();
  const sectionIds = new Set(sections.map((s) => s.properties.id));
  const renderItem = (item: (typeof items)[number]) => {
    const { id, href, name, startsWith = [] } = item.properties;
    const isActive = [href, ...startsWith].some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    return (
      <NavItem key={item.uid} itemId={id} isActive={isActive} component={RouterLink} to={href} data-test-id={id}>
        {translate(name)}
      </NavItem>
    );
  };
  return (
    <Nav aria-label="Navigation">
      <NavList>
        {items.filter((item) => !item.properties.section || !sectionIds.has(item.properties.section)).map(renderItem)}
        {sections.map((section) => (
          <NavExpandable key={section.uid} title={translate(section.properties.name)} isExpanded data-test-id={section.properties.id}>
            {items.filter((item) => item.properties.section === section.properties.id).map(renderItem)}
          </NavExpandable>
        ))}
      </NavList>
    </Nav>
  );
};
