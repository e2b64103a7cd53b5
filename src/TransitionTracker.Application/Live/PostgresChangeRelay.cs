using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TransitionTracker.Data;
using TransitionTracker.Data.Changes;

namespace TransitionTracker.Application.Live;

/// <summary>
/// Carries changes between instances that share one PostgreSQL database, with PostgreSQL's own <c>LISTEN</c>/<c>NOTIFY</c>
/// (docs/architecture.md, "Live updates"): each change committed here is sent as a notification on
/// <see cref="Channel"/>, and each notification from another instance is handed to <see cref="LiveChanges"/>. The
/// listening connection is checked every <see cref="CheckEvery"/>; when it is lost it is opened again, and since
/// notifications sent meanwhile are lost with it, open pages are told that anything may have changed. Does nothing on
/// SQLite, which serves one instance. Who has a checklist draft open (<see cref="DraftPresence"/>) travels the same way:
/// each change to it here at once, all of it again every <see cref="DraftPresence.RepeatEvery"/>, and on request when
/// an instance starts listening.
/// </summary>
public sealed class PostgresChangeRelay(
    LiveChanges live, DraftPresence presence, DatabaseProvider provider, string connectionString, ILogger<PostgresChangeRelay> logger) : BackgroundService
{
    public const string Channel = "transition_tracker_changes";

    /// <summary>Below PostgreSQL's limit of 8,000 bytes per payload; a bigger change is sent as "anything".</summary>
    private const int MaxPayloadBytes = 7_000;

    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private const string PresenceType = "presence";
    private const string AskType = "ask";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    // Changes (merged when several wait) and presence messages, ready to send.
    private readonly Channel<object> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether the listening connection is open now (for health reports and tests).</summary>
    public bool Listening { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return Task.CompletedTask;
        }

        live.CommittedHere += Queue;
        presence.ChangedHere += QueuePresence;
        stoppingToken.Register(() =>
        {
            live.CommittedHere -= Queue;
            presence.ChangedHere -= QueuePresence;
        });
        return Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken), RepeatPresenceAsync(stoppingToken));
    }

    private void Queue(DataChange change) => _outgoing.Writer.TryWrite(change);

    private void QueuePresence(string key, IReadOnlyList<PresentEditor> people) =>
        _outgoing.Writer.TryWrite(JsonSerializer.Serialize(new Message(live.Instance, false, null, null, null, PresenceType, key, people), Json));

    private void QueueAllPresence()
    {
        foreach (var (key, people) in presence.Here())
        {
            QueuePresence(key, people);
        }
    }

    private async Task RepeatPresenceAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(DraftPresence.RepeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                QueueAllPresence();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => Heard(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening = true;
                pause = TimeSpan.FromSeconds(1);

                // Whoever has drafts open elsewhere says so now, not at their next repeat.
                _outgoing.Writer.TryWrite(JsonSerializer.Serialize(new Message(live.Instance, false, null, null, null, AskType, null, null), Json));
                if (!first)
                {
                    logger.LogInformation("Listening for other instances' changes again");
                    live.Receive(DataChange.Everything);
                }

                first = false;
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(CheckEvery, stoppingToken))
                    {
                        // Quiet for a while: make sure the connection is still there.
                        await using var check = new NpgsqlCommand("SELECT 1", connection);
                        await check.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                Listening = false;
                logger.LogWarning(exception, "Lost the connection that hears other instances' changes; trying again in {Pause}", pause);
                first = false;
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = pause * 2 > LongestPause ? LongestPause : pause * 2;
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                // A burst of saves goes as one notification; presence messages go as they are.
                DataChange? change = null;
                while (_outgoing.Reader.TryRead(out var next))
                {
                    if (next is DataChange committed)
                    {
                        change = change is null ? committed : change.With(committed);
                    }
                    else
                    {
                        await NotifyAsync((string)next, stoppingToken);
                    }
                }

                if (change is not null)
                {
                    foreach (var payload in Payloads(live.Instance, change))
                    {
                        await NotifyAsync(payload, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(string payload, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", payload);
                await notify.ExecuteNonQueryAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException && attempt < 3)
            {
                logger.LogWarning(exception, "Could not tell other instances of a change (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                // Their pages show the change at their next read; nothing is lost from the database.
                logger.LogError(exception, "Could not tell other instances of a change; their open pages will show it when next read");
                return;
            }
        }
    }

    private void Heard(string payload)
    {
        var message = Parse(payload);
        if (message?.I == live.Instance)
        {
            return;
        }

        switch (message?.Y)
        {
            case PresenceType when message.Key is { } key:
                presence.Heard(message.I, key, [.. message.People ?? []]);
                break;
            case AskType:
                QueueAllPresence();
                break;
            default:
                var (_, change) = Read(payload);
                live.Receive(change);
                break;
        }
    }

    private static Message? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Message>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The notifications' texts: who sent them and what changed, in one unless too long. Too many recipients to list in
    /// one (a reminder run's notifications for hundreds of users) are shared out over several, each with the rest of
    /// the change, so that only their pages hear of it; a change too long even without them says "anything".
    /// </summary>
    public static IReadOnlyList<string> Payloads(Guid instance, DataChange change)
    {
        var full = Serialize(change.Recipients);
        if (full.Length <= MaxPayloadBytes)
        {
            return [full];
        }

        var without = Serialize([]);
        if (without.Length > MaxPayloadBytes - 64 || change.Recipients is null)
        {
            return [JsonSerializer.Serialize(new Message(instance, true, null, null, null, null, null, null, null), Json)];
        }

        var payloads = new List<string>();
        var share = new List<string>();
        var length = without.Length;
        foreach (var recipient in change.Recipients)
        {
            // A recipient costs its JSON text and a comma; user ids need no escaping.
            if (share.Count > 0 && length + recipient.Length + 3 > MaxPayloadBytes)
            {
                payloads.Add(Serialize(share));
                share = [];
                length = without.Length;
            }

            share.Add(recipient);
            length += recipient.Length + 3;
        }

        payloads.Add(Serialize(share));
        return payloads;

        string Serialize(IEnumerable<string>? recipients) =>
            JsonSerializer.Serialize(new Message(instance, change.IsEverything, change.Kinds, change.Consortia, change.Pcts, null, null, null, change.DraftsOnly ? true : null, recipients), Json);
    }

    /// <summary>Reads one of <see cref="Payloads"/>; anything unreadable is taken as "anything may have changed".</summary>
    public static (Guid Instance, DataChange Change) Read(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<Message>(payload, Json) is { Y: null } message)
            {
                return (message.I, message.All
                    ? DataChange.Everything
                    : new DataChange(Set(message.K), Set(message.C), Set(message.P)) { DraftsOnly = message.D == true, Recipients = message.U is null ? null : Set(message.U) });
            }
        }
        catch (JsonException)
        {
        }

        return (Guid.Empty, DataChange.Everything);
    }

    private static HashSet<string> Set(IEnumerable<string>? values) => new(values ?? [], StringComparer.Ordinal);

    // I: the sending instance; Y: null for a change (All, K kinds, C consortia, P PCTs, D true for drafts only,
    // U recipients: missing means any user's), "presence" (Key, People) or "ask".
    private sealed record Message(
        Guid I, bool All, IEnumerable<string>? K, IEnumerable<string>? C, IEnumerable<string>? P, string? Y, string? Key, IEnumerable<PresentEditor>? People, bool? D = null, IEnumerable<string>? U = null);
}
