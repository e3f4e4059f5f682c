import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue, auth and resource-version tables. Search columns on datasets (search_vector, search_text,
 * facet_*) are a derived search document that the catalogue service rewrites in the same transaction as the
 * fields they come from; they exist so that a search with facets is one index scan, not a set of joins.
 * The themes table holds a vocabulary defined in code (catalog/metadata/vocabularies.ts), synchronised at boot.
 */
export class InitialCatalogue1764000000000 implements MigrationInterface {
  name = 'InitialCatalogue1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // Facts about this installation (for example whether the demo catalogue was loaded).
    await q.query(`
      CREATE TABLE platform_state (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
        display_name text NOT NULL,
        email text,
        is_sysadmin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_tokens_user ON api_tokens (user_id)`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$'),
        name text NOT NULL,
        name_en text,
        description text,
        uscc char(18) UNIQUE,
        parent_id uuid REFERENCES organizations(id) ON DELETE RESTRICT,
        contact_name text,
        contact_email text,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organizations_parent ON organizations (parent_id)`);

    await q.query(`
      CREATE TABLE memberships (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organization_id)
      )`);
    await q.query(`CREATE INDEX memberships_organization ON memberships (organization_id)`);

    await q.query(`
      CREATE TABLE themes (
        code text PRIMARY KEY,
        scheme text NOT NULL CHECK (scheme IN ('eu-data-theme', 'gov-catalogue')),
        label_zh text NOT NULL,
        label_en text NOT NULL,
        class_group text,
        uri text,
        sort_order integer NOT NULL
      )`);

    await q.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE datasets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$'),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
        title text NOT NULL,
        title_en text,
        description text NOT NULL,
        description_en text,
        license text NOT NULL,
        open_attribute text NOT NULL CHECK (open_attribute IN ('无条件开放', '有条件开放', '不予开放')),
        open_condition text,
        share_attribute text NOT NULL CHECK (share_attribute IN ('无条件共享', '有条件共享', '不予共享')),
        share_condition text,
        share_method text,
        update_frequency text NOT NULL,
        resource_code text,
        issued date,
        modified timestamptz NOT NULL DEFAULT now(),
        temporal_start date,
        temporal_end date,
        spatial text,
        spatial_code text,
        contact_name text,
        contact_email text,
        contact_phone text,
        priority_domain text CHECK (priority_domain IN ('民生保障', '公共服务', '市场监管')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        search_text text NOT NULL DEFAULT '',
        facet_themes text[] NOT NULL DEFAULT '{}',
        facet_tags text[] NOT NULL DEFAULT '{}',
        facet_formats text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX datasets_live_slug ON datasets (slug) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX datasets_organization ON datasets (organization_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX datasets_modified ON datasets (modified DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX datasets_title ON datasets (title, id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX datasets_search ON datasets USING gin (search_vector)`);
    await q.query(`CREATE INDEX datasets_search_trgm ON datasets USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX datasets_facet_themes ON datasets USING gin (facet_themes)`);
    await q.query(`CREATE INDEX datasets_facet_tags ON datasets USING gin (facet_tags)`);
    await q.query(`CREATE INDEX datasets_facet_formats ON datasets USING gin (facet_formats)`);

    await q.query(`
      CREATE TABLE dataset_themes (
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        theme_code text NOT NULL REFERENCES themes(code),
        PRIMARY KEY (dataset_id, theme_code)
      )`);
    await q.query(`CREATE INDEX dataset_themes_theme ON dataset_themes (theme_code)`);

    await q.query(`
      CREATE TABLE dataset_tags (
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        PRIMARY KEY (dataset_id, tag_id)
      )`);
    await q.query(`CREATE INDEX dataset_tags_tag ON dataset_tags (tag_id)`);

    await q.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX resources_dataset ON resources (dataset_id, position)`);

    await q.query(`
      CREATE TABLE resource_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resources(id) ON DELETE RESTRICT,
        version integer NOT NULL CHECK (version > 0),
        format text NOT NULL,
        media_type text NOT NULL,
        byte_size bigint NOT NULL CHECK (byte_size >= 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        object_key text NOT NULL UNIQUE,
        file_name text NOT NULL,
        schema_id text,
        row_count bigint CHECK (row_count >= 0),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (resource_id, version)
      )`);
    // A published version is evidence of what was published: it can be added, never changed or removed.
    await q.query(`
      CREATE FUNCTION resource_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'resource versions are immutable (% on version %)', TG_OP, OLD.id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER resource_versions_immutable BEFORE UPDATE OR DELETE ON resource_versions
      FOR EACH ROW EXECUTE FUNCTION resource_versions_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'resource_versions',
      'resources',
      'dataset_tags',
      'dataset_themes',
      'datasets',
      'tags',
      'themes',
      'memberships',
      'organizations',
      'api_tokens',
      'users',
      'platform_state',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS resource_versions_immutable()`);
  }
}
