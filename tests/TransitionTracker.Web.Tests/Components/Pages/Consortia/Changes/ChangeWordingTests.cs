using TransitionTracker.Web.Components.Pages.Consortia.Changes;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Changes;

public sealed class ChangeWordingTests
{
    [Theory]
    [InlineData("Track", "NeedsSupport", "Needs support")]
    [InlineData("ComputedTrack", "FastMover", "Fast mover")]
    [InlineData("Status", "in_progress", "In progress")]
    [InlineData("DueOn", "2011-03-31", "31 March 2011")]
    [InlineData("Owner", "PCT development lead", "PCT development lead")]
    [InlineData("Owner", null, ChangeWording.Empty)]
    public void Values_are_shown_as_the_pages_show_them(string field, string? raw, string shown) =>
        Assert.Equal(shown, ChangeWording.Value(field, raw));
}
