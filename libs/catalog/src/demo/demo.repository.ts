import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The statements only the demo seeder needs: its data requests are given the dates they would have had. */
@Injectable()
export class DemoRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hasDataRequests(): Promise<boolean> {
    const [row] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM data_requests) AS found`);
    return row.found;
  }

  /**
   * Dates a request (and the answer, when given) in the past; a redirected request's follow-up at the other
   * organization is dated at the redirect.
   */
  async backdateRequest(id: string, createdAt: Date, respondedAt: Date | null): Promise<void> {
    await this.db.transaction(async (m) => {
      const [request] = await m.query(`SELECT title, redirected_to FROM data_requests WHERE id = $1`, [id]);
      await m.query(`UPDATE data_requests SET created_at = $2, responded_at = $3 WHERE id = $1`, [id, createdAt, respondedAt]);
      if (request?.redirected_to && respondedAt) {
        await m.query(`UPDATE data_requests SET created_at = $3 WHERE organization_id = $1 AND title = $2 AND status = 'pending'`, [request.redirected_to, request.title, respondedAt]);
      }
    });
  }
}
