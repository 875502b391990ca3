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

/** Channels CRUD (validated as a whole after a PATCH merge) and the delivery log. */
export class NotificationService {
  constructor(
    private readonly channels: NotificationChannelRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly dataSources: DataSourceRepository,
    private readonly policy: NotificationPolicy,
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

  async create(body: CreateNotificationChannelRequest): Promise<NotificationChannel> {
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
    const created = await this.channels.create(values);
    if (!created) throw conflict(`a notification channel named ${body.name} already exists`);
    return publicView(created);
  }

  async update(id: string, body: UpdateNotificationChannelRequest): Promise<NotificationChannel> {
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
    const updated = await this.channels.update(id, values);
    if (updated === "taken") throw conflict(`a notification channel named ${values.name} already exists`);
    if (!updated) throw notFound(`notification channel ${id} not found`);
    return publicView(updated);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.channels.delete(id))) throw notFound(`notification channel ${id} not found`);
  }

  deliveriesLog(query: DeliveryListQuery): Promise<NotificationDelivery[]> {
    return this.deliveries.list(query);
  }

  get smtpConfigured(): boolean {
    return this.policy.smtpConfigured;
  }
}
