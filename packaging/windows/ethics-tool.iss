; Inno Setup 6 script: a per-user installer for the PyInstaller bundle dist\ethics-tool\.
; Build on Windows after scripts\build_bundle (see docs/building.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\ethics-tool.iss
; The result is dist\ethics-tool-<version>-setup.exe. Installs without administrator rights into
; %LOCALAPPDATA%\Programs\Etikas pasnovertejums, adds a Start-menu entry, registers the .etika
; exchange files for the current user and an uninstaller (Settings > Apps).
; UNTESTED here: this repository is built and tested on Linux only.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\ethics-tool.iss
#endif

#define AppName "Ētikas pašnovērtējums"
#define AppId "lv.lps.EthicsTool"
#define ExeName "ethics-tool.exe"
#define ProgId "EthicsTool.Assessment"

[Setup]
AppId={{6C3E2A51-0F7B-4C59-9D7E-2B1F5D8A9E43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Latvijas Pašvaldību savienība
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Etikas pasnovertejums
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ethics-tool-{#AppVersion}-setup
SetupIconFile=..\icons\app.ico
UninstallDisplayIcon={app}\{#ExeName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE

[Languages]
Name: "latvian"; MessagesFile: "compiler:Languages\Latvian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\ethics-tool\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#ExeName}"; AppUserModelID: "{#AppId}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an administrator's install.
Root: HKA; Subkey: "Software\Classes\.etika"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.etika\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Ētikas pašnovērtējuma fails"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#ExeName},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: ".etika"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
