using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Domain.Tests.Scoring;

namespace TransitionTracker.Domain.Tests.Assessments;

/// <summary>A new round starts from the last submitted answers, each carried forward until someone keeps or changes it.</summary>
public class CarriedForwardTests
{
    private static readonly Framework Framework = new FrameworkBuilder()
        .Domain("gov").Criterion("GOV-01", "gov").Criterion("GOV-02", "gov").Criterion("GOV-03", "gov")
        .Build();

    private static readonly DateTime Then = new(2011, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2011, 9, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_draft_carries_every_answer_and_note_forward_with_who_gave_it_and_a_first_draft_has_none()
    {
        var draft = Assessment.StartFrom(Submitted(), "00G", Framework, "second@example.nhs.uk", Now);

        Assert.All(draft.Responses, r => Assert.True(r.CarriedForward));
        Assert.Equal(2, draft.CarriedForwardCount);
        Assert.Equal(("first@example.nhs.uk", Then, "Board minutes"), (draft.ResponseTo("GOV-01")!.AnsweredBy, draft.ResponseTo("GOV-01")!.AnsweredAtUtc, draft.ResponseTo("GOV-01")!.Evidence));
        Assert.Empty(Assessment.StartFrom(null, "00G", Framework, "second@example.nhs.uk", Now).Responses);
    }

    [Fact]
    public void Giving_a_carried_answer_again_unchanged_confirms_it_as_reviewed_by_whoever_did()
    {
        var draft = Assessment.StartFrom(Submitted(), "00G", Framework, "second@example.nhs.uk", Now);

        var changed = draft.Answer("GOV-01", ResponseStatus.Met, null, "Board minutes", "second@example.nhs.uk", Now);

        Assert.True(changed);
        var confirmed = draft.ResponseTo("GOV-01")!;
        Assert.False(confirmed.CarriedForward);
        Assert.Equal(("second@example.nhs.uk", Now), (confirmed.AnsweredBy, confirmed.AnsweredAtUtc));
        Assert.False(draft.Answer("GOV-01", ResponseStatus.Met, null, "Board minutes", "second@example.nhs.uk", Now));
        Assert.True(draft.ResponseTo("GOV-02")!.CarriedForward);
    }

    [Fact]
    public void Changing_a_carried_answer_or_its_note_makes_it_this_rounds()
    {
        var draft = Assessment.StartFrom(Submitted(), "00G", Framework, "second@example.nhs.uk", Now);

        draft.Answer("GOV-01", ResponseStatus.Met, null, "Board minutes, signed", "second@example.nhs.uk", Now);
        draft.Answer("GOV-02", ResponseStatus.Met, null, null, "second@example.nhs.uk", Now);

        Assert.Equal(0, draft.CarriedForwardCount);
        Assert.Equal(ResponseStatus.Met, draft.ResponseTo("GOV-02")!.Status);
    }

    private static Assessment Submitted()
    {
        var first = new Assessment("00G", Framework.Id, Framework.Version, "first@example.nhs.uk", Then);
        first.Answer("GOV-01", ResponseStatus.Met, null, "Board minutes", "first@example.nhs.uk", Then);
        first.Answer("GOV-02", ResponseStatus.InProgress, null, null, "first@example.nhs.uk", Then);
        return first;
    }
}
