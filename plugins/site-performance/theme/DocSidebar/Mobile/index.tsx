/**
 * The theme's DocSidebar/Mobile (@docusaurus/theme-classic 3.10), filling the
 * mobile navbar's menu with the same items, without the first
 * String#localeCompare of the page.
 *
 * NavbarSecondaryMenuFiller memoises its props with useShallowMemoObject, which
 * sorts their keys by localeCompare on every render. The first localeCompare
 * of a page builds an ICU collator: about 60 ms on a phone-speed CPU, in one
 * task of hydration. Given one prop, the sort has nothing to compare, and we
 * keep that prop's identity as stable as the theme's shallow memo did.
 */
import { NavbarSecondaryMenuFiller, ThemeClassNames } from '@docusaurus/theme-common';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/DocSidebar/Mobile';
import DocSidebarItems from '@theme/DocSidebarItems';
import clsx from 'clsx';
import { memo, type ReactNode, useMemo } from 'react';

interface MenuProps {
  readonly menu: Pick<Props, 'sidebar' | 'path'>;
}

function DocSidebarMobileSecondaryMenu({ menu: { sidebar, path } }: MenuProps): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems
        items={sidebar}
        activePath={path}
        onItemClick={(item) => {
          // As the theme: close the menu on a link, or on a category that has a page.
          if (item.type === 'link' || (item.type === 'category' && item.href)) {
            mobileSidebar.toggle();
          }
        }}
        level={1}
      />
    </ul>
  );
}

function DocSidebarMobile({ sidebar, path }: Props): ReactNode {
  const menu = useMemo(() => ({ sidebar, path }), [sidebar, path]);
  return <NavbarSecondaryMenuFiller component={DocSidebarMobileSecondaryMenu} props={{ menu }} />;
}

export default memo(DocSidebarMobile);
