using System.Threading.Channels;
using DanVan.Data;
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
/// Sends mail off the request: a page only queues the message, so a slow or absent SMTP server never slows a page or
/// tells by its timing whether an address exists. The in-app notification is the durable copy of every mail.
/// </summary>
public sealed class Mailer(Microsoft.Extensions.Options.IOptions<MailOptions> options, IWebHostEnvironment env, SiteAddress site, ILogger<Mailer> log) : BackgroundService
{
    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public MailOptions Options => options.Value;

    public SiteAddress Site => site;

    public string PickupDirectory => Path.GetFullPath(Path.Combine(env.ContentRootPath, Options.PickupDirectory));

    /// <summary>Queues a plain-text mail to one address.</summary>
    public void Queue(string to, string? name, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Options.From));
        message.To.Add(new MailboxAddress(name ?? to, to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body + "\n\n—\nDanVan · Phong trào thi đua \"Dân vận khéo\"\nThư gửi tự động, xin đừng trả lời thư này." };
        _queue.Writer.TryWrite(message);
    }

    /// <summary>Mails each person (by user id) the same line the app shows them as a notification.</summary>
    public async Task QueueToUsersAsync(AppDbContext db, IEnumerable<string> userIds, string subject, string text, string? link, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
        var url = link is null ? null : site.Link(link);
        foreach (var p in people)
        {
            Queue(p.Email!, p.FullName, subject, url is null ? text : $"{text}\n\nXem: {url}");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The notification in the app still says it; one bad address or a server down loses no other mail.
                log.LogWarning(e, "Mail to {To} not sent", message.To.ToString());
            }
        }
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

        using var smtp = new SmtpClient();
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
