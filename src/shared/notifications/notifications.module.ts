import { Global, Module } from '@nestjs/common';
import { notificationConfig, NotificationConfig } from '../../config/configuration';
import { CaseNotificationsSubscriber } from './case-notifications.subscriber';
import { DeadlineNotificationsSubscriber } from './deadline-notifications.subscriber';
import { InboxController } from './inbox/inbox.controller';
import { Inbox } from './inbox/inbox';
import { InboxNotificationChannel } from './inbox/inbox.notification-channel';
import { RecipientExpander } from './inbox/recipient-expander';
import { RecipientMailer } from './inbox/recipient-mailer';
import { LogNotificationChannel } from './log.notification-channel';
import { NotificationChannel } from './notification-channel';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationPoller } from './notification-poller';
import { Notifier } from './notifier';
import { SmtpNotificationChannel } from './smtp.notification-channel';
import { TableNotifier } from './table.notifier';
import { NotificationTemplatesController } from './templates/notification-templates.controller';
import { NotificationTemplateStore } from './templates/notification-template.store';

const controllers = [InboxController, NotificationTemplatesController];

/** The SMTP transport when SMTP_URL is set, else null (no e-mail). */
const smtp = {
  provide: SmtpNotificationChannel,
  inject: [notificationConfig.KEY],
  useFactory: (config: NotificationConfig) =>
    config.smtpUrl ? new SmtpNotificationChannel(config.smtpUrl) : null,
};

@Global()
@Module({
  controllers,
  providers: [
    smtp,
    {
      provide: NotificationChannel,
      inject: [SmtpNotificationChannel, RecipientExpander],
      useFactory: (transport: SmtpNotificationChannel | null, expander: RecipientExpander) =>
        new InboxNotificationChannel(transport ?? new LogNotificationChannel(), expander),
    },
    NotificationTemplateStore,
    RecipientMailer,
    RecipientExpander,
    Inbox,
    NotificationDispatcher,
    NotificationPoller,
    { provide: Notifier, useClass: TableNotifier },
    CaseNotificationsSubscriber,
    DeadlineNotificationsSubscriber,
  ],
  exports: [
    Notifier,
    NotificationDispatcher,
    CaseNotificationsSubscriber,
    DeadlineNotificationsSubscriber,
  ],
})
export class NotificationsModule {}
