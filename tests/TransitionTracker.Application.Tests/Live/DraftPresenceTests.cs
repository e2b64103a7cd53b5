using TransitionTracker.Application.Live;
using TransitionTracker.TestSupport;

namespace TransitionTracker.Application.Tests.Live;

/// <summary>
/// Who has a draft open: tabs here join and leave, other instances' are heard and forgotten once they fall silent,
/// and watchers of that draft (only) are told of each change.
/// </summary>
public sealed class DraftPresenceTests
{
    private static readonly string Key = DraftPresence.Key("00G", "gp-consortium-readiness-2010");
    private readonly TestClock _clock = new(new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly DraftPresence _presence;

    public DraftPresenceTests() => _presence = new DraftPresence(_clock);

    [Fact]
    public void Tabs_here_join_and_leave_and_watchers_of_that_draft_are_told()
    {
        var told = 0;
        var toldOther = 0;
        using var watching = _presence.Watch(Key, () => told++);
        using var other = _presence.Watch(DraftPresence.Key("00H", "gp-consortium-readiness-2010"), () => toldOther++);
        var (ann, bob) = (Editor("ann"), Editor("bob"));

        var annLeaves = _presence.Join(Key, ann);
        var bobLeaves = _presence.Join(Key, bob);

        Assert.Equal([ann, bob], _presence.Who(Key));
        annLeaves.Dispose();
        annLeaves.Dispose();
        Assert.Equal([bob], _presence.Who(Key));
        bobLeaves.Dispose();
        Assert.Empty(_presence.Who(Key));
        Assert.Equal(4, told);
        Assert.Equal(0, toldOther);
    }

    [Fact]
    public void Another_instance_is_heard_replaced_by_what_it_says_next_and_forgotten_when_silent()
    {
        var elsewhere = Guid.NewGuid();
        var told = 0;
        using var watching = _presence.Watch(Key, () => told++);
        var (ann, bob) = (Editor("ann"), Editor("bob"));
        using var here = _presence.Join(Key, ann);

        _presence.Heard(elsewhere, Key, [bob]);
        Assert.Equal([ann, bob], _presence.Who(Key));

        _clock.Advance(DraftPresence.ForgetAfter - TimeSpan.FromSeconds(1));
        Assert.Equal([ann, bob], _presence.Who(Key));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([ann], _presence.Who(Key));

        _presence.Heard(elsewhere, Key, [bob]);
        _presence.Heard(elsewhere, Key, []);
        Assert.Equal([ann], _presence.Who(Key));
        Assert.Equal(4, told);
    }

    [Fact]
    public void What_is_open_here_is_listed_for_the_other_instances()
    {
        var ann = Editor("ann");
        using var here = _presence.Join(Key, ann);
        _presence.Heard(Guid.NewGuid(), DraftPresence.Key("00H", "gp-consortium-readiness-2010"), [Editor("bob")]);

        var listed = Assert.Single(_presence.Here());

        Assert.Equal(Key, listed.Key);
        Assert.Equal([ann], listed.People);
    }

    private static PresentEditor Editor(string name) => new($"id-{name}", name, Guid.NewGuid());
}
