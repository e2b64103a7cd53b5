using System.Text.Json;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Tests.Scoring;

public class ResponseSetValidatorTests
{
    private static readonly Framework StatusFramework = new FrameworkBuilder()
        .Domain("gov").Criterion("GOV-01", "gov").Criterion("GOV-02", "gov", essential: true)
        .Build();

    private static readonly Framework LevelsFramework = new FrameworkBuilder().Levels(1, 4)
        .Domain("lead").Criterion("W-1", "lead").Criterion("W-2", "lead", essential: true)
        .Build();

    [Fact]
    public void Valid_responses_are_accepted_in_the_order_sent()
    {
        var result = ResponseSetValidator.Validate(StatusFramework, [new("GOV-02", "met", null), new("GOV-01", "not_applicable", null)]);

        Assert.True(result.IsValid);
        Assert.Equal(
            [CriterionResponse.WithStatus("GOV-02", ResponseStatus.Met), CriterionResponse.WithStatus("GOV-01", ResponseStatus.NotApplicable)],
            result.Responses);
    }

    [Theory]
    [InlineData("not_started", ResponseStatus.NotStarted)]
    [InlineData("in_progress", ResponseStatus.InProgress)]
    [InlineData("met", ResponseStatus.Met)]
    [InlineData("not_applicable", ResponseStatus.NotApplicable)]
    public void Each_status_wire_name_is_accepted(string status, ResponseStatus expected)
    {
        var result = ResponseSetValidator.Validate(StatusFramework, [new("GOV-01", status, null)]);

        Assert.Equal(expected, Assert.Single(result.Responses).Status);
    }

    [Fact]
    public void Empty_set_is_valid_and_means_not_assessed()
    {
        Assert.True(ResponseSetValidator.Validate(StatusFramework, []).IsValid);
    }

    [Fact]
    public void Unknown_criterion_is_rejected()
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(StatusFramework, [new("GOV-99", "met", null)]).Problems);

        Assert.Equal("$.responses[0].criterion", problem.Path);
        Assert.Contains("GOV-99", problem.Message);
    }

    [Fact]
    public void Missing_criterion_is_rejected()
    {
        Assert.Equal("$.responses[0].criterion", Assert.Single(ResponseSetValidator.Validate(StatusFramework, [new(null, "met", null)]).Problems).Path);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("Met")]
    [InlineData("")]
    [InlineData("not-started")]
    public void Invalid_status_is_rejected(string status)
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(StatusFramework, [new("GOV-01", status, null)]).Problems);

        Assert.Equal("$.responses[0].status", problem.Path);
        Assert.Contains("not_started, in_progress, met or not_applicable", problem.Message);
    }

    [Fact]
    public void Response_with_both_status_and_level_is_rejected()
    {
        var result = ResponseSetValidator.Validate(LevelsFramework, [new("W-1", "not_applicable", 2)]);

        Assert.Equal([new ResponseProblem("$.responses[0]", "Give either a status or a level, not both.")], result.Problems);
    }

    [Fact]
    public void Response_with_neither_status_nor_level_is_rejected()
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(StatusFramework, [new("GOV-01", null, null)]).Problems);

        Assert.Equal("$.responses[0]", problem.Path);
    }

    [Fact]
    public void Criterion_answered_twice_is_rejected_at_the_second_answer()
    {
        var result = ResponseSetValidator.Validate(StatusFramework, [new("GOV-01", "met", null), new("GOV-02", "met", null), new("GOV-01", "in_progress", null)]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.responses[2].criterion", problem.Path);
        Assert.Contains("$.responses[0]", problem.Message);
    }

    [Fact]
    public void Essential_criterion_marked_not_applicable_is_rejected()
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(StatusFramework, [new("GOV-02", "not_applicable", null)]).Problems);

        Assert.Equal("$.responses[0].status", problem.Path);
        Assert.Contains("essential", problem.Message);
    }

    [Fact]
    public void Essential_criterion_marked_not_applicable_on_levels_scale_is_rejected()
    {
        Assert.Equal("$.responses[0].status", Assert.Single(ResponseSetValidator.Validate(LevelsFramework, [new("W-2", "not_applicable", null)]).Problems).Path);
    }

    [Fact]
    public void Level_on_the_status_scale_is_rejected()
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(StatusFramework, [new("GOV-01", null, 3)]).Problems);

        Assert.Equal("$.responses[0].level", problem.Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Level_outside_min_to_max_is_rejected(int level)
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(LevelsFramework, [new("W-1", null, level)]).Problems);

        Assert.Equal("$.responses[0].level", problem.Path);
        Assert.Contains("from 1 to 4", problem.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Levels_at_the_ends_of_the_range_are_accepted(int level)
    {
        Assert.Equal(level, Assert.Single(ResponseSetValidator.Validate(LevelsFramework, [new("W-1", null, level)]).Responses).Level);
    }

    [Fact]
    public void Level_that_is_not_whole_is_rejected()
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(LevelsFramework, [new("W-1", null, null, LevelWasNotWhole: true)]).Problems);

        Assert.Equal("$.responses[0].level", problem.Path);
        Assert.Contains("whole number", problem.Message);
    }

    [Theory]
    [InlineData("met")]
    [InlineData("in_progress")]
    [InlineData("not_started")]
    public void Status_other_than_not_applicable_on_levels_scale_is_rejected(string status)
    {
        var problem = Assert.Single(ResponseSetValidator.Validate(LevelsFramework, [new("W-1", status, null)]).Problems);

        Assert.Equal("$.responses[0].status", problem.Path);
        Assert.Contains("only not_applicable", problem.Message);
    }

    [Fact]
    public void Not_applicable_on_levels_scale_is_accepted()
    {
        Assert.True(ResponseSetValidator.Validate(LevelsFramework, [new("W-1", "not_applicable", null)]).IsValid);
    }

    [Fact]
    public void Every_problem_is_named_and_the_whole_set_is_rejected()
    {
        var result = ResponseSetValidator.Validate(StatusFramework,
        [
            new("GOV-01", "met", null),
            new("NOPE", "met", null),
            new("GOV-02", "not_applicable", null),
            new("GOV-01", "sort of", 2),
        ]);

        Assert.Empty(result.Responses);
        Assert.False(result.IsValid);
        Assert.Equal(
            ["$.responses[1].criterion", "$.responses[2].status", "$.responses[3].criterion", "$.responses[3]", "$.responses[3].status", "$.responses[3].level"],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Paths_follow_the_callers_prefix()
    {
        var result = ResponseSetValidator.Validate(StatusFramework, [new("GOV-01", "met", null), new("X", "met", null)], "$.assessment.answers");

        Assert.Equal("$.assessment.answers[1].criterion", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Json_responses_are_parsed_and_validated()
    {
        using var json = JsonDocument.Parse("""[{ "criterion": "W-1", "level": 3, "evidence": "Board minutes" }, { "criterion": "W-2", "level": 4.0 }]""");

        var result = ResponseSetValidator.ParseResponses(json.RootElement, LevelsFramework);

        Assert.Equal([CriterionResponse.WithLevel("W-1", 3), CriterionResponse.WithLevel("W-2", 4)], result.Responses);
    }

    [Fact]
    public void Json_responses_of_the_wrong_shape_name_every_problem()
    {
        using var json = JsonDocument.Parse("""
            [
              { "criterion": "W-1", "level": 2.5 },
              "W-2",
              { "criterion": "W-2", "level": "4" },
              { "criterion": 7, "status": 1 },
              { "criterion": "W-1", "status": null, "level": null }
            ]
            """);

        var result = ResponseSetValidator.ParseResponses(json.RootElement, LevelsFramework);

        Assert.Equal(
            ["$.responses[0].level", "$.responses[1]", "$.responses[2].level", "$.responses[3].criterion", "$.responses[3].status", "$.responses[4].criterion", "$.responses[4]"],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Json_responses_that_are_not_an_array_are_rejected()
    {
        using var json = JsonDocument.Parse("""{ "criterion": "W-1", "level": 2 }""");

        Assert.Equal([new ResponseProblem("$.responses", "responses must be a JSON array.")], ResponseSetValidator.ParseResponses(json.RootElement, LevelsFramework).Problems);
    }

    [Theory]
    [InlineData("3", 3, false)]
    [InlineData(" 4 ", 4, false)]
    [InlineData("", null, false)]
    [InlineData(null, null, false)]
    [InlineData("three", null, true)]
    [InlineData("2.5", null, true)]
    public void Form_text_becomes_a_raw_response(string? level, int? expectedLevel, bool notWhole)
    {
        var raw = RawResponse.FromText(" W-1 ", "", level);

        Assert.Equal(new RawResponse("W-1", null, expectedLevel, notWhole), raw);
    }
}
