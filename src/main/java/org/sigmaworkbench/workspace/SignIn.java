package org.sigmaworkbench.workspace;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ChainedTokenCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** How the tool signs in to Microsoft Entra ID for a token (azure-identity). */
public enum SignIn {
  /**
   * The first of: the environment's service principal ({@code AZURE_CLIENT_ID}, {@code
   * AZURE_TENANT_ID}, {@code AZURE_CLIENT_SECRET} or a certificate), the Azure CLI's sign-in
   * ({@code az login}), a managed identity.
   */
  AUTO,
  /** The Azure CLI's sign-in ({@code az login}). */
  AZURE_CLI,
  /** A service principal from the environment variables. */
  ENVIRONMENT,
  /** The managed identity of the Azure machine the tool runs on. */
  MANAGED_IDENTITY,
  /** The system browser opens for an interactive sign-in. */
  BROWSER,
  /** A code to enter at the device login page, shown by {@code prompt}. */
  DEVICE_CODE;

  /**
   * The name on the command line: the constant's, in lower case with hyphens ({@code azure-cli}).
   */
  public String option() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every name on the command line. */
  public static List<String> options() {
    return java.util.Arrays.stream(values()).map(SignIn::option).toList();
  }

  /** The sign-in of a command-line name (case-insensitive). */
  public static SignIn of(String option) {
    for (SignIn s : values()) {
      if (s.option().equalsIgnoreCase(option.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown sign-in '" + option + "'; expected one of " + options());
  }

  /**
   * The credential; made on demand, so no sign-in starts before a request needs a token.
   *
   * @param tenant the Entra tenant ID, or {@code null} for the default (home tenant)
   * @param prompt shows what a person must do (the device code message)
   */
  public TokenCredential credential(String tenant, Consumer<String> prompt) {
    return switch (this) {
      case AUTO ->
          new ChainedTokenCredentialBuilder()
              .addLast(new EnvironmentCredentialBuilder().build())
              .addLast(cli(tenant))
              .addLast(new ManagedIdentityCredentialBuilder().build())
              .build();
      case AZURE_CLI -> cli(tenant);
      case ENVIRONMENT -> new EnvironmentCredentialBuilder().build();
      case MANAGED_IDENTITY -> new ManagedIdentityCredentialBuilder().build();
      case BROWSER -> {
        InteractiveBrowserCredentialBuilder b = new InteractiveBrowserCredentialBuilder();
        if (tenant != null) {
          b.tenantId(tenant);
        }
        yield b.build();
      }
      case DEVICE_CODE -> {
        DeviceCodeCredentialBuilder b =
            new DeviceCodeCredentialBuilder().challengeConsumer(c -> prompt.accept(c.getMessage()));
        if (tenant != null) {
          b.tenantId(tenant);
        }
        yield b.build();
      }
    };
  }

  private static TokenCredential cli(String tenant) {
    AzureCliCredentialBuilder b = new AzureCliCredentialBuilder();
    if (tenant != null) {
      b.tenantId(tenant);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return option();
  }
}
