package dev.ghlake.notify;

import dev.ghlake.run.RunSummary;
import dev.ghlake.secrets.SecretOptions;
import dev.ghlake.secrets.Secrets;
import java.io.PrintStream;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Slack how a run went, once, after the data is committed or the run has failed. A failed
 * notification never undoes or fails the data run; it is logged and reported back.
 */
public final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private Notifier() {}

  /** Sends (or prints) the message; returns null when delivered, else why not. */
  public static String notify(RunSummary summary, String version, NotifyOptions options,
      PrintStream console) {
    SlackMessage message = SlackMessage.of(summary, version);
    if (options.getSlackWebhook() == null) {
      console.println(message.toConsole());
      return null;
    }
    try {
      URI webhook = webhook(options);
      String error = new SlackWebhook(options.getNotifyAttempts()).post(webhook, message.toJson());
      if (error != null) {
        LOG.warn("Slack message not delivered: {}", error);
      }
      return error;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while notifying Slack";
    } catch (RuntimeException e) { // a secret that cannot be read, a value that is no URL
      LOG.warn("Slack message not sent: {}", e.getMessage());
      return e.getMessage();
    }
  }

  private static URI webhook(NotifyOptions options) {
    String url = new Secrets(options.as(SecretOptions.class))
        .resolve("slackWebhook", options.getSlackWebhook()).reveal();
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalArgumentException("the secret given by --slackWebhook is not a URL");
    }
    return URI.create(url);
  }
}
