using System.Text.Json;
using System.Text.Json.Nodes;
using TransitionTracker.Domain.Scoring;
using static TransitionTracker.Domain.Tests.Scoring.Answers;

namespace TransitionTracker.Domain.Tests.Scoring;

public class ReadinessResultJsonTests
{
    [Fact]
    public void Result_serialises_to_the_shape_of_the_scoring_api()
    {
        var framework = new FrameworkBuilder().Threshold(75)
            .Domain("gov", floor: 60).Criterion("GOV-01", "gov").Criterion("GOV-02", "gov", essential: true)
            .Domain("empty").Criterion("E-1", "empty")
            .Build();
        var result = ReadinessScorer.Score(framework, [Met("GOV-01"), InProgress("GOV-02"), NotApplicable("E-1")]);

        var json = JsonNode.Parse(JsonSerializer.Serialize(result, JsonSerializerOptions.Web))!;

        Assert.Equal(75.0, json["score"]!.GetValue<double>());
        Assert.Equal("needs-support", json["track"]!.GetValue<string>());
        Assert.Equal(["score", "track", "domains", "blockers", "nextSteps"], json.AsObject().Select(p => p.Key));
        Assert.Equal("""{"id":"gov","name":"Domain gov","score":75,"floor":60,"belowFloor":false}""", json["domains"]![0]!.ToJsonString());
        Assert.Null(json["domains"]![1]!["score"]);
        Assert.Equal("""[{"kind":"essential-criterion","criterion":"GOV-02"}]""", json["blockers"]!.ToJsonString());
        Assert.Equal("""[{"criterion":"GOV-02","gain":25}]""", json["nextSteps"]!.ToJsonString());
    }

    [Theory]
    [InlineData(BlockerKind.OverallThreshold, "overall-threshold")]
    [InlineData(BlockerKind.DomainFloor, "domain-floor")]
    [InlineData(BlockerKind.EssentialCriterion, "essential-criterion")]
    [InlineData(BlockerKind.NotAssessed, "not-assessed")]
    [InlineData(BlockerKind.NoApplicableCriteria, "no-applicable-criteria")]
    public void Blocker_kinds_have_their_wire_names(BlockerKind kind, string name)
    {
        Assert.Equal(name, kind.ToWireName());
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(kind));
    }

    [Theory]
    [InlineData(Track.FastMover, "fast-mover")]
    [InlineData(Track.NeedsSupport, "needs-support")]
    public void Tracks_have_their_wire_names(Track track, string name)
    {
        Assert.Equal(name, track.ToWireName());
        Assert.True(WireNames.TryParseTrack(name, out var parsed));
        Assert.Equal(track, parsed);
        Assert.Equal(track, JsonSerializer.Deserialize<Track>($"\"{name}\""));
    }

    [Theory]
    [InlineData(ResponseStatus.NotStarted, "not_started")]
    [InlineData(ResponseStatus.InProgress, "in_progress")]
    [InlineData(ResponseStatus.Met, "met")]
    [InlineData(ResponseStatus.NotApplicable, "not_applicable")]
    public void Response_statuses_have_their_wire_names(ResponseStatus status, string name)
    {
        Assert.Equal(name, status.ToWireName());
        Assert.True(WireNames.TryParseResponseStatus(name, out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(status));
    }
}
