using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>
/// One page of a consortium's conflicts-of-interest register. <see cref="Matching"/> counts the entries the search
/// matched, <see cref="Total"/> every entry of the register.
/// </summary>
public sealed record InterestRegisterPage(IReadOnlyList<DeclaredInterest> Entries, int Page, int PageCount, int Matching, int Total);
