using Collab.Api.Auth;
using Collab.Api.Hosting;
using Collab.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Collab.Api.Tests.Auth;

/// <summary>A configured signing key is refused at start-up unless it is long and looks drawn by a random generator.</summary>
public sealed class SigningKeyTests
{
    [Theory]
    [InlineData("short-but-random-9fQz", "at least 32 bytes")]
    [InlineData("change-me-to-a-secret-of-at-least-32-bytes", "placeholder (it contains 'change-me')")]
    [InlineData("CHANGEME-Zq81vN0pLx7Rw3Ty6Ub2Ic5Od9Ke4Ag", "placeholder (it contains 'changeme')")]
    [InlineData("my-super-secret-jwt-key-for-collab-tokens", "placeholder (it contains 'secret')")]
    [InlineData("placeholder-Zq81vN0pLx7Rw3Ty6Ub2Ic5Od9Ke4A", "placeholder (it contains 'placeholder')")]
    [InlineData("example-Zq81vN0pLx7Rw3Ty6Ub2Ic5Od9Ke4AgHh", "placeholder (it contains 'example')")]
    [InlineData("collab-cluster-tests-signing-key-0123456789", "placeholder (it contains 'signing-key')")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "only 1 distinct characters")]
    [InlineData("abababababababababababababababababababab", "only 2 distinct characters")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefghijkl", "bits of entropy per character")]
    [InlineData("0123456789abcdef0123456789abcdef", "repeats the block '0123456789abcdef'")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN", "runs of equal or consecutive characters")]
    public void A_weak_key_is_refused_with_the_reason(string key, string reason)
    {
        Assert.Contains(reason, SigningKeys.Weakness(key));
    }

    [Fact]
    public void Keys_drawn_by_a_generator_are_accepted()
    {
        var random = new Random(20261205);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            Assert.Null(SigningKeys.Weakness(Convert.ToBase64String(bytes)));
            Assert.Null(SigningKeys.Weakness(Convert.ToHexStringLower(bytes)));
            Assert.Null(SigningKeys.Weakness(Convert.ToHexString(bytes[..16])));
            Assert.Null(SigningKeys.Weakness(new Guid(bytes[..16]).ToString()));
        }
        Assert.Null(SigningKeys.Weakness(TestKeys.SigningKey));
    }

    [Fact]
    public void The_api_refuses_to_start_with_the_sample_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CollabApi.Build(["--environment=Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Collab:DataDirectory"] = Path.GetTempPath(),
                ["Collab:Auth:SigningKey"] = "change-me-to-a-secret-of-at-least-32-bytes",
            })));
        Assert.Equal(
            "Collab:Auth:SigningKey looks like a placeholder (it contains 'change-me'); use a random key of at least 32 bytes, e.g. `openssl rand -base64 48`",
            error.Message);
    }
}
