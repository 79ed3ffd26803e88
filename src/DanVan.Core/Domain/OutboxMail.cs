namespace DanVan.Domain;

/// <summary>
/// A mail waiting to be sent, written in the same transaction as the change that sends it (the outbox pattern): a node
/// that dies after answering loses no mail, and any node sends it. Times are Unix milliseconds so that both databases
/// compare them in SQL. Once sent, the body is emptied (a reset link or a name is not kept longer than needed).
/// </summary>
public class OutboxMail
{
    public long Id { get; set; }

    public string To { get; set; } = string.Empty;

    public string? ToName { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public long CreatedAtMs { get; set; }

    /// <summary>Null until sent.</summary>
    public long? SentAtMs { get; set; }

    /// <summary>While a node sends it (or waits to try again after a failure), no other node takes it.</summary>
    public long? LeaseUntilMs { get; set; }

    public string? ClaimedBy { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
