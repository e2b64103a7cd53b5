using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Web.Components.Pages.Consortia.Register;

/// <summary>One entry of the register as the page shows it: plain values, so the page can persist it for the live render.</summary>
public sealed record InterestRow(int Id, string Person, string Interest, DateOnly DeclaredOn, string Management)
{
    public static InterestRow From(DeclaredInterest interest) =>
        new(interest.Id, interest.Person, interest.Interest, interest.DeclaredOn, interest.Management);
}

/// <summary>One page of the register as the page shows it (see <see cref="InterestRegisterPage"/>).</summary>
public sealed record InterestRows(IReadOnlyList<InterestRow> Entries, int Page, int PageCount, int Matching, int Total)
{
    public static InterestRows From(InterestRegisterPage page) =>
        new(page.Entries.Select(InterestRow.From).ToList(), page.Page, page.PageCount, page.Matching, page.Total);
}
