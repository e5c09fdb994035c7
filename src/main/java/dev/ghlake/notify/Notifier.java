package dev.ghlake.notify;

import dev.ghlake.secrets.SecretOptions;
import dev.ghlake.secrets.Secrets;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Slack how a run (or a backfill) went, once, after the data is committed or the run has
 * failed. A failed notification never undoes or fails the data run; it is logged and reported
 * back. The webhook is resolved before the run reads anything, so a reference that cannot be
 * resolved stops the run at once instead of after the load.
 */
public final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private Notifier() {}

  /**
   * The webhook the options name, resolved now; null when none is given (messages go to the
   * console). Throws {@link IllegalArgumentException} naming the option when it cannot be used.
   */
  public static URI webhook(NotifyOptions options) {
    if (options.getSlackWebhook() == null) {
      return null;
    }
    if (options.getNotifyAttempts() < 1 || options.getNotifyAttempts() > 10) {
      throw new IllegalArgumentException("--notifyAttempts must be from 1 to 10 (got " + options.getNotifyAttempts() + ")");
    }
    String url;
    try {
      url = new Secrets(options.as(SecretOptions.class))
          .resolve("slackWebhook", options.getSlackWebhook()).reveal();
    } catch (RuntimeException e) { // a reference that is a value, or that does not resolve
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw new IllegalArgumentException("the secret given by --slackWebhook is not a URL");
    }
    try {
      return new URI(url);
    } catch (URISyntaxException e) { // its message quotes the URL, token and all: never shown
      throw new IllegalArgumentException("the secret given by --slackWebhook is not a valid URL ("
          + e.getReason() + " at character " + e.getIndex() + "): check the value it refers to");
    }
  }

  /** Sends (or, without a webhook, prints) the message; returns null when delivered, else why not. */
  public static String notify(SlackMessage message, URI webhook, int attempts, PrintStream console) {
    if (webhook == null) {
      console.println(message.toConsole());
      return null;
    }
    try {
      String error = new SlackWebhook(attempts).post(webhook, message.toJson());
      if (error != null) {
        LOG.warn("Slack message not delivered: {}", error);
      }
      return error;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while notifying Slack";
    }
  }
}
