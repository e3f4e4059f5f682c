import 'graphiql/setup-workers/vite';
// Without the fonts graphiql/style.css embeds as data: URLs (the content security policy allows 'self' only):
// the editor uses the system's fonts.
import '@graphiql/react/style.css';
import 'graphiql/graphiql.css';
import './explorer.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The explorer is served by the platform itself: React, GraphiQL, the Monaco editor and its workers are all
// bundled here, so it works on an intranet with no access to any other host.
const SAMPLE_QUERY = `# 衡阳市政府数据开放平台 GraphQL 接口
# 按 Ctrl-Enter（或点击运行按钮）执行查询
query AirQualityDatasets {
  datasets(search: "空气质量", first: 5) {
    totalCount
    edges {
      node {
        slug
        title
        organization { name }
        resources { name format rowCount }
      }
    }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql` });
const container = document.getElementById('explorer');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={SAMPLE_QUERY} defaultEditorToolsVisibility="variables">
        <GraphiQL.Logo>
          <a className="explorer-home" href="/developers">
            衡阳市政府数据开放平台 · GraphQL
          </a>
        </GraphiQL.Logo>
      </GraphiQL>
    </StrictMode>,
  );
  keepTabsAccessible(container);
}

/**
 * GraphiQL draws each editor tab as <li role="tab"> around a <button>: a control inside a control, which screen
 * readers announce badly (axe: nested-interactive). The tab role is moved to the button, where the focus is.
 */
function keepTabsAccessible(root: HTMLElement): void {
  const set = (element: Element, name: string, value: string | null) => {
    if (element.getAttribute(name) === value) return;
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  };
  // Attributes are written only when they differ, so the observer settles after one round.
  const fix = () => {
    for (const item of root.querySelectorAll('li.graphiql-tab')) {
      const button = item.querySelector('button.graphiql-tab-button');
      if (!button) continue;
      set(item, 'role', 'presentation');
      set(item, 'aria-selected', null);
      set(button, 'role', 'tab');
      set(button, 'aria-selected', item.classList.contains('graphiql-tab-active') ? 'true' : 'false');
    }
  };
  new MutationObserver(fix).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'class'] });
  fix();
}
