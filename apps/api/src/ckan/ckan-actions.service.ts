import { Inject, Injectable } from '@nestjs/common';
import { Caller, TokenService, isAnonymous } from '@opendata/auth';
import { APP_CONFIG, AppConfig } from '@opendata/config';
import { message } from '@opendata/common';
import { CkanCatalogService } from './ckan-catalog.service';
import { CkanDatastoreService } from './ckan-datastore.service';
import { CkanError } from './ckan-envelope';
import { CkanPackageSearch } from './ckan-package-search';
import { Params, rejectUnknown } from './ckan-params';

/** The CKAN version whose action API (v3) is reproduced; clients read it from status_show. */
export const CKAN_API_VERSION = '2.10.0';

type Action = (caller: Caller, params: Params) => Promise<unknown>;

/** The read-only actions of CKAN's API that harvesters and CKAN clients use, by name. */
@Injectable()
export class CkanActionsService {
  private readonly actions: Record<string, Action>;

  constructor(
    catalog: CkanCatalogService,
    packageSearch: CkanPackageSearch,
    datastore: CkanDatastoreService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.actions = {
      package_search: (c, p) => packageSearch.run(c, p),
      package_show: (c, p) => catalog.packageShow(c, p),
      package_list: (_c, p) => catalog.packageList(p),
      organization_list: (_c, p) => catalog.organizationList(p),
      organization_show: (c, p) => catalog.organizationShow(c, p),
      resource_show: (c, p) => catalog.resourceShow(c, p),
      datastore_search: (c, p) => datastore.search(c, p),
      status_show: async (_c, p) => {
        rejectUnknown(p, new Set());
        return this.status();
      },
    };
  }

  /**
   * CKAN clients send their key as `X-CKAN-API-KEY` (ckan.js, older ckanapi); it names one of our API tokens.
   * A Bearer token, when given, has already decided who the caller is.
   */
  async callerFor(caller: Caller, apiKey: string | undefined): Promise<Caller> {
    return apiKey && isAnonymous(caller) ? this.tokens.authenticate(apiKey.trim()) : caller;
  }

  run(caller: Caller, name: string, params: Params): Promise<unknown> {
    const action = Object.hasOwn(this.actions, name) ? this.actions[name] : undefined;
    if (!action) throw new CkanError(400, { __type: 'Bad Request', message: message('ckan.unknownAction', { name }) });
    return action(caller, params);
  }

  private status() {
    return {
      site_title: '政府数据开放平台',
      site_description: '政府数据开放平台 / Open government data platform',
      site_url: this.config.publicUrl,
      ckan_version: CKAN_API_VERSION,
      error_emails_to: null,
      locale_default: 'zh_Hans_CN',
      extensions: ['datastore'],
    };
  }
}
