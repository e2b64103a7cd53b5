using TransitionTracker.Application.Live;
using TransitionTracker.Data.Changes;

namespace TransitionTracker.Application.Tests.Live;

/// <summary>What one instance tells the others: read back as sent, and "anything changed" when it cannot be.</summary>
public sealed class ChangePayloadTests
{
    private static readonly Guid Instance = Guid.NewGuid();

    [Fact]
    public void A_change_is_read_back_as_it_was_sent()
    {
        var sent = new DataChange(Set("Assessment", "AssessmentResponse"), Set("00G"), Set("5D7"));

        var (instance, read) = PostgresChangeRelay.Read(Assert.Single(PostgresChangeRelay.Payloads(Instance, sent)));

        Assert.Equal(Instance, instance);
        Assert.False(read.IsEverything);
        Assert.Equal(sent.Kinds.Order(), read.Kinds.Order());
        Assert.Equal(sent.Consortia, read.Consortia);
        Assert.Equal(sent.Pcts, read.Pcts);
        Assert.False(read.DraftsOnly);
        Assert.True(PostgresChangeRelay.Read(Assert.Single(PostgresChangeRelay.Payloads(Instance, sent with { DraftsOnly = true }))).Change.DraftsOnly);
    }

    [Fact]
    public void A_change_too_long_for_one_notification_is_sent_as_anything_changed()
    {
        var many = new DataChange(Set("Consortium"), Enumerable.Range(0, 3_000).Select(i => $"C{i:0000}").ToHashSet(), Set());

        var payload = Assert.Single(PostgresChangeRelay.Payloads(Instance, many));

        Assert.True(payload.Length < 8_000);
        var (instance, read) = PostgresChangeRelay.Read(payload);
        Assert.Equal(Instance, instance);
        Assert.True(read.IsEverything);
        Assert.True(read.Touches("00G"));
    }

    [Fact]
    public void Recipients_are_read_back_and_too_many_for_one_notification_are_shared_out_over_several()
    {
        var one = new DataChange(Set("Notification"), Set(), Set()) { Recipients = Set("user-1") };
        var told = PostgresChangeRelay.Read(Assert.Single(PostgresChangeRelay.Payloads(Instance, one))).Change;
        Assert.Equal(["user-1"], told.Recipients!);
        Assert.False(told.Addresses("user-2"));
        Assert.Empty(PostgresChangeRelay.Read(Assert.Single(PostgresChangeRelay.Payloads(Instance, one with { Recipients = Set() }))).Change.Recipients!);

        // A reminder run's notifications for hundreds of users: shared out over several notifications, each under the
        // limit, each with the kinds, together naming every recipient once.
        var users = Enumerable.Range(0, 400).Select(_ => Guid.NewGuid().ToString()).ToHashSet();
        var payloads = PostgresChangeRelay.Payloads(Instance, one with { Recipients = users });
        Assert.True(payloads.Count > 1);
        Assert.All(payloads, payload => Assert.True(payload.Length < 8_000, $"{payload.Length} characters"));
        var read = payloads.Select(payload => PostgresChangeRelay.Read(payload).Change).ToList();
        Assert.All(read, change => Assert.False(change.IsEverything));
        Assert.All(read, change => Assert.Equal(["Notification"], change.Kinds));
        Assert.Equal(users.Order(), read.SelectMany(change => change.Recipients!).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"I\":\"not a guid\"}")]
    public void A_notification_that_cannot_be_read_is_taken_as_anything_changed(string payload)
    {
        var (instance, read) = PostgresChangeRelay.Read(payload);

        Assert.Equal(Guid.Empty, instance);
        Assert.True(read.IsEverything);
    }

    [Fact]
    public void Changes_heard_in_a_burst_combine()
    {
        var one = new DataChange(Set("Assessment"), Set("00G"), Set());
        var two = new DataChange(Set("QualityIndicator"), Set(), Set("5D7"));

        var both = one.With(two);

        Assert.True(both.Touches("00G"));
        Assert.True(both.TouchesAny([], ["5D7"]));
        Assert.True(both.Includes("QualityIndicator"));
        Assert.False(both.Touches("00H"));
        Assert.True(one.With(DataChange.Everything).IsEverything);
        Assert.False(one.With(two with { DraftsOnly = true }).DraftsOnly);
        Assert.True((one with { DraftsOnly = true }).With(two with { DraftsOnly = true }).DraftsOnly);
        Assert.Equal(["u1", "u2"], (one with { Recipients = Set("u1") }).With(two with { Recipients = Set("u2") }).Recipients!.Order());
        Assert.Null((one with { Recipients = Set("u1") }).With(two).Recipients);
    }

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
