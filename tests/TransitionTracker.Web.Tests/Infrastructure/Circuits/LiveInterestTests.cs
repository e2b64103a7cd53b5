using TransitionTracker.Data.Changes;
using TransitionTracker.Web.Infrastructure.Circuits;

namespace TransitionTracker.Web.Tests.Infrastructure.Circuits;

/// <summary>Which saved changes a page shows, and that the interest a wake token carries comes back the same.</summary>
public sealed class LiveInterestTests
{
    [Fact]
    public void A_consortium_page_shows_the_consortiums_changes_of_its_kinds()
    {
        var checklist = LiveInterest.Consortium("00G", "Assessment", "AssessmentResponse");

        Assert.True(checklist.Matches(Change(["00G"], kind: "AssessmentResponse")));
        Assert.False(checklist.Matches(Change(["00G"], kind: "Lesson")));
        Assert.False(checklist.Matches(Change(["00H"], kind: "Assessment")));
        Assert.True(LiveInterest.Consortium("00G").Matches(Change(["00G"], kind: "Lesson")));
        Assert.True(checklist.Matches(DataChange.Everything));
    }

    [Fact]
    public void A_region_shows_its_consortia_and_pcts()
    {
        var region = LiveInterest.Organisations(["00G", "00H"], ["5D7"]);

        Assert.True(region.Matches(Change(["00H"])));
        Assert.True(region.Matches(Change(pcts: ["5D7"])));
        Assert.False(region.Matches(Change(["00K"], ["5QW"])));
    }

    [Fact]
    public void A_drafts_edits_change_a_consortiums_own_pages_but_not_the_dashboards()
    {
        var draftAnswer = Change(["00G"], pcts: ["5D7"], kind: "AssessmentResponse") with { DraftsOnly = true };

        Assert.True(LiveInterest.Consortium("00G").Matches(draftAnswer));
        Assert.True(LiveInterest.Consortium("00G", "Assessment", "AssessmentResponse").Matches(draftAnswer));
        Assert.False(LiveInterest.Organisations(["00G"], ["5D7"]).Matches(draftAnswer));
        Assert.False(LiveInterest.AnyOrganisation.Matches(draftAnswer));
        Assert.True(LiveInterest.Organisations(["00G"], []).Matches(draftAnswer with { DraftsOnly = false }));
    }

    [Fact]
    public void The_nation_shows_every_organisation_but_not_an_account_change()
    {
        Assert.True(LiveInterest.AnyOrganisation.Matches(Change(["00K"])));
        Assert.False(LiveInterest.AnyOrganisation.Matches(Change(kind: "UserPreference")));
    }

    [Fact]
    public void The_bell_shows_its_own_users_notifications_only()
    {
        var bell = LiveInterest.AddressedTo("user-1", "Notification");

        Assert.True(bell.Matches(Change(kind: "Notification") with { Recipients = new HashSet<string> { "user-1", "user-2" } }));
        Assert.False(bell.Matches(Change(kind: "Notification") with { Recipients = new HashSet<string> { "user-2" } }));
        Assert.False(bell.Matches(Change(["00G"]) with { Recipients = new HashSet<string> { "user-1" } }));
        // A signal too long to list its recipients may be anyone's.
        Assert.True(bell.Matches(Change(kind: "Notification") with { Recipients = null }));
        Assert.True(bell.Matches(DataChange.Everything));
        Assert.NotEqual(bell.Key, LiveInterest.AddressedTo("user-2", "Notification").Key);
    }

    [Fact]
    public void A_page_with_nothing_read_yet_shows_nothing()
    {
        Assert.False(LiveInterest.None.Matches(DataChange.Everything));
        Assert.False(LiveInterest.None.Matches(Change(["00G"])));
    }

    [Fact]
    public void Equal_interests_have_one_key_whatever_the_order()
    {
        Assert.Equal(LiveInterest.Organisations(["00H", "00G"], ["5D7"]).Key, LiveInterest.Organisations(["00G", "00H"], ["5D7"]).Key);
        Assert.NotEqual(LiveInterest.Organisations(["00G"], []).Key, LiveInterest.Consortium("00G", "Assessment").Key);
    }

    [Fact]
    public void A_wake_token_carries_the_interest_for_its_user_only()
    {
        var tokens = new LiveWakeTokens(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        var interest = LiveInterest.Organisations(["00G", "00H"], ["5D7"]);
        var consortium = LiveInterest.Consortium("00G");

        var token = tokens.Issue("user-1", interest);

        Assert.Equal(interest.Key, tokens.Read(token, "user-1")?.Key);
        Assert.True(tokens.Read(tokens.Issue("user-1", consortium), "user-1")?.ShowsDrafts);
        Assert.Null(tokens.Read(token, "user-2"));
        Assert.Equal(LiveInterest.AddressedTo("user-1", "Notification").Key, tokens.Read(tokens.Issue("user-1", LiveInterest.AddressedTo("user-1", "Notification")), "user-1")?.Key);
        Assert.Null(tokens.Read("not-a-token", "user-1"));
    }

    private static DataChange Change(string[]? consortia = null, string[]? pcts = null, string kind = "Assessment") =>
        new(new HashSet<string> { kind }, new HashSet<string>(consortia ?? []), new HashSet<string>(pcts ?? []));
}
