; Inno Setup 6 script: PeerCoach Desktop installer for Windows (x64 and arm64).
; Build the app first (see the top of packaging\windows.spec), then from the repository root:
;   iscc packaging\windows\peercoach.iss
; The version is read from peercoach-desktop.exe's version resource, which windows.spec takes
; from peercoach_desktop.__version__: one place to bump. Output: dist\PeerCoachDesktop-<v>-setup.exe

#define AppName "PeerCoach Desktop"
#define AppExe "peercoach-desktop.exe"
#define AppDir "..\..\dist\peercoach-desktop"
#define AppVersion GetVersionNumbersString(AppDir + "\" + AppExe)

[Setup]
; Never change AppId: Windows uses it to find the installed copy on upgrade and uninstall.
AppId={{6F1B5E2C-3A47-4C9E-9D0B-7E2A51C4F8D3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The PeerCoach Desktop contributors
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
VersionInfoCopyright=GPL-3.0-or-later
DefaultDirName={autopf}\PeerCoach Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install without admin rights by default; the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible or arm64
ArchitecturesInstallIn64BitMode=x64compatible or arm64
MinVersion=10.0.17763
SetupIconFile=..\..\build\icons\io.github.peercoach.PeerCoachDesktop.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=PeerCoachDesktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Notebooks live in %LOCALAPPDATA%\peercoach-desktop and keys in the Credential Locker:
; the uninstaller removes the program only, never the user's notebooks or keys.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#AppDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
