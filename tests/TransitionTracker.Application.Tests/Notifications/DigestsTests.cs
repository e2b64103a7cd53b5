using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Application.Tests.Notifications;

/// <summary>
/// The e-mail digest: one e-mail per user whose choice makes one due, listing their unread notifications not sent
/// yet, at most once a day; weekly on Mondays; none when off. Through a real SMTP server when one is named
/// (TEST_SMTP, and the folder it writes what it receives to, TEST_SMTP_MAILDIR), else through the logging sender.
/// </summary>
public sealed class DigestsTests
{
    // A Monday.
    private static readonly DateTimeOffset Monday = new(2031, 1, 6, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Daily_and_on_mondays_weekly_users_get_one_digest_of_what_they_have_not_read_and_off_gets_none()
    {
        var sent = new List<OutgoingMail>();
        var clock = new TestClock(Monday.AddDays(1));
        await using var host = new ApplicationHost(services: s => s
            .Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))
            .Replace(ServiceDescriptor.Singleton<IMailSender>(new RecordingSender(sent))));
        var lead = await host.UserAsync(Demo.ConsortiumLead);
        var manager = await host.UserAsync(Demo.PctManager);
        var regional = await host.UserAsync(Demo.RegionalLead);
        await SetFrequencyAsync(host, manager, DigestFrequency.Weekly);
        await SetFrequencyAsync(host, regional, DigestFrequency.Off);
        await AddAsync(host, lead, "Unread one", read: false);
        await AddAsync(host, lead, "Read already", read: true);
        await AddAsync(host, manager, "For the manager", read: false);
        await AddAsync(host, regional, "For the regional lead", read: false);

        // A Tuesday: the daily user only.
        Assert.Equal(1, await SendAsync(host));
        var mail = Assert.Single(sent);
        Assert.Equal((Demo.ConsortiumLead, "Transition Tracker: 1 new notification"), (mail.ToAddress, mail.Subject));
        Assert.Contains("- Unread one\n  http://localhost:5080/consortia/00G/actions", mail.Body);
        Assert.DoesNotContain("Read already", mail.Body);
        Assert.Contains("http://localhost:5080/account/notifications", mail.Body);

        // Once a day, and a notification once.
        Assert.Equal(0, await SendAsync(host));
        await AddAsync(host, lead, "Next day's", read: false);
        clock.Advance(TimeSpan.FromDays(6));

        // The next Monday: the daily user (only the new one) and the weekly one.
        Assert.Equal(2, await SendAsync(host));
        Assert.Equal(3, sent.Count);
        var toLead = sent.Last(m => m.ToAddress == Demo.ConsortiumLead);
        Assert.Contains("Next day's", toLead.Body);
        Assert.DoesNotContain("Unread one", toLead.Body);
        Assert.Contains("For the manager", sent.Single(m => m.ToAddress == Demo.PctManager).Body);
        Assert.DoesNotContain(sent, m => m.ToAddress == Demo.RegionalLead);
    }

    [RequiresEnvironmentFact("TEST_SMTP", "TEST_SMTP_MAILDIR")]
    public async Task A_digest_goes_through_the_smtp_server_and_arrives()
    {
        var (host, port) = SmtpServer();
        var marker = Guid.NewGuid().ToString("N");
        await using var app = new ApplicationHost(services: s => s.Configure<EmailOptions>(o =>
        {
            o.Smtp.Host = host;
            o.Smtp.Port = port;
            o.Smtp.Security = "None";
            o.Smtp.From = "Transition Tracker <noreply@transition-tracker.invalid>";
            o.BaseUrl = "https://tracker.example.test";
        }));
        var lead = await app.UserAsync(Demo.ConsortiumLead);
        await AddAsync(app, lead, $"Smtp test {marker}: a support action is due", read: false);

        Assert.Equal(1, await SendAsync(app));

        var received = await ReceivedAsync(marker);
        Assert.Contains($"To: \"", received);
        Assert.Contains(Demo.ConsortiumLead, received);
        Assert.Contains("Subject: Transition Tracker: 1 new notification", received);
        Assert.Contains("https://tracker.example.test/consortia/00G/actions", received);
    }

    private static (string Host, int Port) SmtpServer()
    {
        var value = TestEnvironment.Require("TEST_SMTP");
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    // The SMTP server writes each message it receives to a file of the mail folder ("new" holds those not read yet).
    private static async Task<string> ReceivedAsync(string marker)
    {
        var folder = TestEnvironment.Require("TEST_SMTP_MAILDIR");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [])
            {
                var text = await File.ReadAllTextAsync(file);
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return text;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail with {marker} arrived in {folder}");
            await Task.Delay(200);
        }
    }

    private static Task<int> SendAsync(ApplicationHost host) =>
        host.RunAsync<Digests, int>(d => d.SendDueAsync(CancellationToken.None));

    private static async Task SetFrequencyAsync(ApplicationHost host, ActingUser user, DigestFrequency frequency)
    {
        await using var db = host.OpenContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestFrequency, frequency));
    }

    private static async Task AddAsync(ApplicationHost host, ActingUser user, string text, bool read)
    {
        await using var db = host.OpenContext();
        db.Notifications.Add(new Notification
        {
            RecipientId = user.Id,
            Kind = NotificationKind.ActionDueSoon,
            AboutConsortium = Demo.LeadsConsortium,
            Text = text,
            Link = $"/consortia/{Demo.LeadsConsortium}/actions",
            DedupeKey = $"test:{Guid.NewGuid():N}",
            CreatedAtUtc = DateTime.UtcNow,
            ReadAtUtc = read ? DateTime.UtcNow : null,
        });
        await db.SaveChangesAsync();
    }

    private sealed class RecordingSender(List<OutgoingMail> sent) : IMailSender
    {
        public bool Sends => true;

        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            lock (sent)
            {
                sent.Add(mail);
            }

            return Task.CompletedTask;
        }
    }
}
