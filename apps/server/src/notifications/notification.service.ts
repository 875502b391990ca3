import { randomBytes } from "node:crypto";
import type { FieldError } from "@jobsync/contracts";
import {
  type CreateNotificationChannelRequest,
  type DeliveryListQuery,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationDelivery,
  type UpdateNotificationChannelRequest,
} from "@jobsync/contracts";
import type { AuditActor } from "../audit/audit-actor";
import { changedFields } from "../audit/audit-changes";
import type { AuditTrail } from "../audit/audit-trail";
import type { DataSourceRepository } from "../data-sources/data-source.repository";
import { conflict, notFound, validationFailed } from "../errors/app-error";
import type { ChannelValues, NotificationChannelRepository, StoredChannel } from "./notification-channel.repository";
import type { NotificationDeliveryRepository } from "./notification-delivery.repository";

export interface NotificationPolicy {
  /** Why a webhook URL may not be used (its host resolves to a private address), or null. */
  urlPolicy: (url: string) => Promise<string | null>;
  smtpConfigured: boolean;
}

const publicView = ({ data_source_id: _, ...channel }: StoredChannel): NotificationChannel => channel;

/** The fields of a channel the audit log compares (the secret is masked there). */
const audited = ({ id: _, created_at: __, updated_at: ___, data_source_id: ____, ...fields }: StoredChannel) => fields;

/** Channels CRUD (validated as a whole after a PATCH merge) and the delivery log. */
export class NotificationService {
  constructor(
    private readonly channels: NotificationChannelRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly dataSources: DataSourceRepository,
    private readonly policy: NotificationPolicy,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<NotificationChannel[]> {
    return (await this.channels.list()).map(publicView);
  }

  async get(id: string): Promise<NotificationChannel> {
    return publicView(await this.stored(id));
  }

  private async stored(id: string): Promise<StoredChannel> {
    const channel = await this.channels.find(id);
    if (!channel) throw notFound(`notification channel ${id} not found`);
    return channel;
  }

  /** Check the merged values; every problem is named by its field. */
  private async check(values: Omit<ChannelValues, "dataSourceId">, siteName: string | null): Promise<ChannelValues> {
    const problems: FieldError[] = [];
    let dataSourceId: string | null = null;
    if (siteName) {
      const source = await this.dataSources.findRow(siteName);
      if (source) dataSourceId = source.id;
      else problems.push({ path: "site_name", message: `site_name: no data source named ${siteName}` });
    }
    if (values.type === "email") {
      if (values.emailTo.length === 0)
        problems.push({ path: "email_to", message: "email_to must hold at least one address for an email channel" });
    } else if (!values.url) {
      problems.push({ path: "url", message: `url is required for a ${values.type} channel` });
    } else {
      const refused = await this.policy.urlPolicy(values.url);
      if (refused) problems.push({ path: "url", message: `url ${refused}` });
    }
    if (problems.length > 0) throw validationFailed(problems);
    return { ...values, dataSourceId };
  }

  async create(body: CreateNotificationChannelRequest, actor: AuditActor): Promise<NotificationChannel> {
    const values = await this.check(
      {
        name: body.name,
        type: body.type,
        url: body.type === "email" ? null : (body.url ?? null),
        emailTo: body.type === "email" ? (body.email_to ?? []) : [],
        secret: body.secret ?? randomBytes(24).toString("base64url"),
        events: body.events ?? [...NOTIFICATION_EVENTS],
        isActive: body.is_active ?? true,
      },
      body.site_name ?? null,
    );
    const created = await this.audit.change(actor, async (tx) => {
      const channel = await this.channels.create(values, tx);
      if (!channel) throw conflict(`a notification channel named ${body.name} already exists`);
      const changes = changedFields({}, audited(channel));
      return { result: channel, entry: { action: "notification_channel.create", objectId: channel.id, changes } };
    });
    return publicView(created);
  }

  async update(id: string, body: UpdateNotificationChannelRequest, actor: AuditActor): Promise<NotificationChannel> {
    const current = await this.stored(id);
    const type = current.type;
    const values = await this.check(
      {
        name: body.name ?? current.name,
        type,
        url: type === "email" ? null : body.url !== undefined ? body.url : current.url,
        emailTo: type === "email" ? (body.email_to ?? current.email_to) : [],
        secret: body.secret ?? current.secret,
        events: body.events ?? current.events,
        isActive: body.is_active ?? current.is_active,
      },
      body.site_name !== undefined ? body.site_name : current.site_name,
    );
    const updated = await this.audit.change(actor, async (tx) => {
      const channel = await this.channels.update(id, values, tx);
      if (channel === "taken") throw conflict(`a notification channel named ${values.name} already exists`);
      if (!channel) throw notFound(`notification channel ${id} not found`);
      const changes = changedFields(audited(current), audited(channel));
      const entry = { action: "notification_channel.update" as const, objectId: id, changes };
      return { result: channel, entry: Object.keys(changes).length > 0 ? entry : null };
    });
    return publicView(updated);
  }

  async delete(id: string, actor: AuditActor): Promise<void> {
    const current = await this.stored(id);
    await this.audit.change(actor, async (tx) => {
      if (!(await this.channels.delete(id, tx))) throw notFound(`notification channel ${id} not found`);
      const changes = changedFields(audited(current), {});
      return { result: null, entry: { action: "notification_channel.delete", objectId: id, changes } };
    });
  }

  deliveriesLog(query: DeliveryListQuery): Promise<NotificationDelivery[]> {
    return this.deliveries.list(query);
  }

  get smtpConfigured(): boolean {
    return this.policy.smtpConfigured;
  }
}
