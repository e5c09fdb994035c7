package dev.ghlake.notify;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Who hears how a run went. */
public interface NotifyOptions extends PipelineOptions {
  @Description("Slack incoming webhook, as a secret reference: env:NAME, file:/path, "
      + "secretsmanager:<name-or-arn>[#json-key] or ssm:/parameter/name (default: the message is "
      + "printed to the console instead)")
  String getSlackWebhook();

  void setSlackWebhook(String value);

  @Description("Make the run's exit status non-zero when the Slack message cannot be delivered "
      + "(default: a failed notification is logged, the data run stands)")
  @Default.Boolean(false)
  boolean getFailOnNotifyError();

  void setFailOnNotifyError(boolean value);

  @Description("Attempts to deliver the Slack message (5xx, 429, network errors are retried)")
  @Default.Integer(5)
  int getNotifyAttempts();

  void setNotifyAttempts(int value);
}
