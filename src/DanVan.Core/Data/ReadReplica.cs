using Npgsql;

namespace DanVan.Data;

/// <summary>
/// Reads that may lag a moment (reports, exports, public pages, searches) go to <c>ConnectionStrings:DanVanRead</c>, a
/// PostgreSQL streaming replica (or a pooler in front of replicas); writes and everything that must see its own writes
/// stay on the primary. Such code asks for the keyed <see cref="AppDbContext"/> <see cref="Key"/>; without a read
/// connection string (or on SQLite) it is the primary's context.
/// </summary>
public static class ReadReplica
{
    public const string Key = "read";

    /// <summary>
    /// The read connection string with the primary behind the replica: Npgsql tries the hosts in order, prefers a
    /// standby, and when the replica does not answer uses the primary (and remembers for Host Recheck Seconds).
    /// A string that already names several hosts is taken as the operator wrote it.
    /// </summary>
    public static string Compose(string primary, string read)
    {
        var p = new NpgsqlConnectionStringBuilder(primary);
        var r = new NpgsqlConnectionStringBuilder(read);
        if (r.Host is { } host && !host.Contains(',', StringComparison.Ordinal))
        {
            r.Host = $"{WithPort(host, r.Port)},{WithPort(p.Host ?? "localhost", p.Port)}";
            r.Database ??= p.Database;
            r.Username ??= p.Username;
            r.Password ??= p.Password;
            if (!read.Contains("Target Session Attributes", StringComparison.OrdinalIgnoreCase))
            {
                r.TargetSessionAttributes = "prefer-standby";
            }

            // A replica that went away is noticed in two seconds, and tried again after ten.
            if (!read.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            {
                r.Timeout = 2;
            }

            if (!read.Contains("Host Recheck", StringComparison.OrdinalIgnoreCase))
            {
                r.HostRecheckSeconds = 10;
            }
        }

        return r.ConnectionString;
    }

    private static string WithPort(string host, int port) => host.Contains(':', StringComparison.Ordinal) ? host : $"{host}:{port}";
}
