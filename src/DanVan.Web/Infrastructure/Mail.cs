using DanVan.Data;
using DanVan.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace DanVan.Infrastructure;

/// <summary>
/// Mail settings ("Mail" section). With Mail:SmtpHost set, mail goes to that SMTP server; without it, each mail is
/// written as a .eml file to Mail:PickupDirectory (default data/mail), which development and the tests read.
/// </summary>
public sealed class MailOptions
{
    public string From { get; set; } = "DanVan <khong-tra-loi@danvan.local>";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>The site's public address for links in mail and QR codes; required outside development (see <see cref="SiteAddress"/>).</summary>
    public string? SiteUrl { get; set; }
}

/// <summary>
/// Mail through an outbox: <see cref="Queue"/> adds the mail to the caller's unit of work, so it is saved in the same
/// transaction as the change it tells of (a refused change sends nothing; a node killed after its answer loses no
/// mail). Every node with <c>Mail:Send</c> on (the default) sends what is due, one claim per mail (a lease, as the
/// import jobs), retrying a failure later; a slow or absent SMTP server never slows a page or tells by its timing
/// whether an address exists. The in-app notification stays the person's copy.
/// </summary>
public sealed class Mailer(Microsoft.Extensions.Options.IOptions<MailOptions> options, IWebHostEnvironment env, SiteAddress site, IServiceScopeFactory scopes,
    TimeProvider clock, IConfiguration config, ILogger<Mailer> log) : BackgroundService
{
    /// <summary>Tries before a mail is left unsent (its last error kept).</summary>
    public const int MaxAttempts = 8;

    /// <summary>Mails taken from the outbox in one look.</summary>
    private const int Batch = 20;

    // At most one wake-up waiting: a burst of queued mails is one look at the outbox, not one each.
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>How long a node holds a mail it is sending: far beyond the SMTP client's timeouts (30 s each step).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public MailOptions Options => options.Value;

    public SiteAddress Site => site;

    public string PickupDirectory => Path.GetFullPath(Path.Combine(env.ContentRootPath, Options.PickupDirectory));

    /// <summary>Adds a plain-text mail to one address to the caller's changes: it is sent once they are saved.</summary>
    public void Queue(AppDbContext db, string to, string? name, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMails.Add(new OutboxMail
        {
            To = to, ToName = name, Subject = subject, CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            Body = body + "\n\n—\nDanVan · Phong trào thi đua \"Dân vận khéo\"\nThư gửi tự động, xin đừng trả lời thư này.",
        });
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it meanwhile.
            }
        }
    }

    /// <summary>Mails each person (by user id) the same line the app shows them as a notification.</summary>
    public async Task QueueToUsersAsync(AppDbContext db, IEnumerable<string> userIds, string subject, string text, string? link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
        var url = link is null ? null : site.Link(link);
        foreach (var p in people)
        {
            Queue(db, p.Email!, p.FullName, subject, url is null ? text : $"{text}\n\nXem: {url}");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Mail:Send", true))
        {
            return; // this node only writes mail; others send it
        }

        var poll = TimeSpan.FromMilliseconds(Math.Clamp(config.GetValue("Mail:PollMilliseconds", 500), 50, 60_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more are waiting: go on at once until the outbox is drained.
                while (await SendDueAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The mail outbox could not be read");
            }

            try
            {
                await _wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends the mails that are due (unsent, not held by a live claim), oldest first; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
        var now = Now();
        var due = await db.OutboxMails.AsNoTracking().Where(m => m.SentAtMs == null && m.Attempts < MaxAttempts && (m.LeaseUntilMs == null || m.LeaseUntilMs < now))
            .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var m in due)
        {
            // The claim is a conditional update on the lease read: of two nodes, one wins the mail.
            var claimed = await db.OutboxMails.Where(x => x.Id == m.Id && x.SentAtMs == null && x.LeaseUntilMs == m.LeaseUntilMs)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntilMs, Now() + (long)Lease.TotalMilliseconds).SetProperty(x => x.ClaimedBy, Features.Imports.ImportJobs.Node)
                    .SetProperty(x => x.Attempts, x => x.Attempts + 1), ct) == 1;
            if (!claimed)
            {
                continue;
            }

            try
            {
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(Options.From));
                message.To.Add(new MailboxAddress(m.ToName ?? m.To, m.To));
                message.Subject = m.Subject;
                message.Body = new TextPart("plain") { Text = m.Body };
                await SendAsync(message, ct);
                // Sent: the body (a reset link, a name) is not kept.
                await db.OutboxMails.Where(x => x.Id == m.Id && x.ClaimedBy == Features.Imports.ImportJobs.Node).ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAtMs, Now()).SetProperty(x => x.Body, string.Empty)
                    .SetProperty(x => x.LeaseUntilMs, (long?)null).SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again later, the longer the more it failed; one bad address or a server down holds back no other mail.
                log.LogWarning(e, "Mail {Id} to {To} not sent", m.Id, m.To);
                var retryAt = Now() + (long)Math.Min(3_600_000, 30_000 * Math.Pow(2, m.Attempts));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.OutboxMails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntilMs, retryAt).SetProperty(x => x.LastError, error), CancellationToken.None);
            }
        }

        // Housekeeping: what was sent more than 30 days ago goes, and so does what was given up on (its reset links too).
        var old = Now() - (30L * 24 * 3_600_000);
        await db.OutboxMails.Where(x => (x.SentAtMs != null && x.SentAtMs < old) || (x.Attempts >= MaxAttempts && x.CreatedAtMs < old)).ExecuteDeleteAsync(ct);
        return sent;
    }

    private async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Options.SmtpHost))
        {
            Directory.CreateDirectory(PickupDirectory);
            var file = Path.Combine(PickupDirectory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file + ".tmp", ct);
            File.Move(file + ".tmp", file); // readers never see half a mail
            return;
        }

        using var smtp = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(Options.Security, true, out var s) ? s : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(Options.SmtpHost, Options.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(Options.SmtpUser))
        {
            await smtp.AuthenticateAsync(Options.SmtpUser, Options.SmtpPassword ?? string.Empty, ct);
        }

        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
