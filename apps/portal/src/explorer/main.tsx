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
query 空气质量数据集 {
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
      <GraphiQL fetcher={fetcher} defaultQuery={SAMPLE_QUERY} defaultEditorToolsVisibility="variables" />
    </StrictMode>,
  );
}
