import { Global, Module } from '@nestjs/common';
import { notificationConfig, NotificationConfig } from '../../config/configuration';
import { LogNotificationChannel } from './log.notification-channel';
import { NotificationChannel } from './notification-channel';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationPoller } from './notification-poller';
import { Notifier } from './notifier';
import { SmtpNotificationChannel } from './smtp.notification-channel';
import { TableNotifier } from './table.notifier';

function channelFor(config: NotificationConfig): NotificationChannel {
  return config.smtpUrl
    ? new SmtpNotificationChannel(config.smtpUrl)
    : new LogNotificationChannel();
}

@Global()
@Module({
  providers: [
    { provide: NotificationChannel, inject: [notificationConfig.KEY], useFactory: channelFor },
    NotificationDispatcher,
    NotificationPoller,
    { provide: Notifier, useClass: TableNotifier },
  ],
  exports: [Notifier, NotificationDispatcher],
})
export class NotificationsModule {}
