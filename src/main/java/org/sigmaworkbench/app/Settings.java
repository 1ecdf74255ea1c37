package org.sigmaworkbench.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window remembers between runs ({@code settings.json} in the user's settings folder),
 * written and read by {@link SettingsStore}. Absent values mean "the default".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class Settings {
  /** How many files Open Recent keeps. */
  static final int RECENT_MAX = 10;

  public Double windowX;
  public Double windowY;
  public Double windowWidth;
  public Double windowHeight;
  public boolean maximized;

  /** The divider between the rule tabs and the right side, as a fraction of the width. */
  public Double mainDivider;

  /** The divider between the KQL preview and the test pane, as a fraction of the height. */
  public Double rightDivider;

  /** The target's name ({@code sentinel_asim}, ...). */
  public String target;

  /** Rule files, most recent first. */
  public List<String> recentRules = new ArrayList<>();

  public String lastRuleFolder;
  public String lastLogFolder;
  public Boolean darkTheme;

  /** The folder rule tests are kept in (a SigmaHQ checkout's root, holding regression_data). */
  public String regressionFolder;

  /** The files of the tabs open when the window was closed, in tab order. */
  public List<String> openTabs = new ArrayList<>();

  /** The tab that was selected, an index into {@link #openTabs}. */
  public int selectedTab;

  /** The Run on Workspace connection: the service's name ({@code LOG_ANALYTICS}, ...). */
  public String workspaceService;

  public String workspaceId;
  public String workspaceCluster;
  public String workspaceDatabase;

  /** Another base URL for the service; absent for the service's own. */
  public String workspaceEndpoint;

  /** The time range, an ISO 8601 duration. */
  public String workspaceTimespan;

  public Integer workspaceMaxRows;

  /** How to sign in ({@code auto}, {@code azure-cli}, ...): a choice, never a secret. */
  public String workspaceSignIn;

  /** Copies the Run on Workspace connection from {@code other}. */
  void copyWorkspace(Settings other) {
    workspaceService = other.workspaceService;
    workspaceId = other.workspaceId;
    workspaceCluster = other.workspaceCluster;
    workspaceDatabase = other.workspaceDatabase;
    workspaceEndpoint = other.workspaceEndpoint;
    workspaceTimespan = other.workspaceTimespan;
    workspaceMaxRows = other.workspaceMaxRows;
    workspaceSignIn = other.workspaceSignIn;
  }

  /** {@code list} with {@code file} moved (or added) to the front, at most {@link #RECENT_MAX}. */
  static List<String> withRecent(List<String> list, String file) {
    List<String> out = new ArrayList<>(RECENT_MAX);
    out.add(file);
    for (String f : list) {
      if (!f.equals(file) && out.size() < RECENT_MAX) {
        out.add(f);
      }
    }
    return out;
  }
}
