package dev.ghlake.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process holds something (a lease, a staging folder): host, pid and the process's start
 * time, so a holder on this host whose process is gone, or was replaced by another with the
 * same pid, is known to be dead without waiting for an expiry.
 */
public record ProcessOwner(String host, long pid, String started) {
  private static final ProcessOwner SELF = self();

  public static ProcessOwner current() {
    return SELF;
  }

  private static ProcessOwner self() {
    ProcessHandle me = ProcessHandle.current();
    return new ProcessOwner(hostName(), me.pid(), startOf(me));
  }

  /** Whether this owner's process is known to be gone (only knowable on the same host). */
  public boolean isDeadHere() {
    if (!SELF.host.equals(host)) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    return p.isEmpty() || !p.get().isAlive() || !startOf(p.get()).equals(started);
  }

  private static String startOf(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toString).orElse("");
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    try {
      return env != null && !env.isBlank() ? env : InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
