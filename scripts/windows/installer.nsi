; The Windows installer of VănThư, built on Linux by scripts/windows-installer with Debian's
; makensis (Tauri's own NSIS bundler downloads a plugin at build time, which an offline build
; machine cannot). Per user: no administrator rights, nothing outside the user's profile.
;
; scripts/windows-installer passes:
;   STAGE    the folder holding vanthu-app.exe, WebView2Loader.dll and vanthu.exe
;   OUTFILE  the installer to write
;   VERSION  the app's version (major.minor.patch, from tauri.conf.json)
;   ICON     the app's .ico
; and reads this file as UTF-8 (-INPUTCHARSET UTF8).

; A 64-bit installer, like the app: it runs only on 64-bit Windows (which VănThư needs anyway),
; and it runs under a 64-bit-only Wine, where the tests install it.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define APPNAME "VănThư"
; ASCII names for the folder and the registry keys.
!define SHORTNAME "VanThu"
!define PUBLISHER "VănThư"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${SHORTNAME}"
!define APPKEY "Software\${SHORTNAME}"
; The WebView2 runtime's client id in EdgeUpdate, as Microsoft documents its detection.
!define WEBVIEW2_ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_URL "https://developer.microsoft.com/microsoft-edge/webview2/"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${SHORTNAME}"
InstallDirRegKey HKCU "${APPKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\vanthu-app.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APPNAME} ngay"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APPNAME} sẽ được gỡ khỏi máy tính. Kho văn bản (thư mục %APPDATA%\vn.vanthu.app) và các bản sao lưu được giữ nguyên."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${APPNAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  SetShellVarContext current
  Call CheckWebView2
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; The window of VănThư is drawn by Microsoft Edge WebView2, part of Windows 10/11. Where it is
; missing (an old or stripped-down Windows) the installation goes on — the `vanthu` command
; works without it — and the clerk is told where Microsoft offers it.
Function CheckWebView2
  ; Where Microsoft says to look: the machine-wide runtime registers in the 32-bit view of
  ; HKLM (WOW6432Node, named here since this installer is 64-bit), a per-user one under HKCU.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "Máy tính này chưa có Microsoft Edge WebView2 Runtime, thành phần của Windows mà cửa sổ ${APPNAME} cần để hiển thị (Windows 10 và 11 thường có sẵn).$\r$\n$\r$\nVẫn cài đặt ${APPNAME} được, nhưng cần cài thêm WebView2 Runtime (miễn phí, của Microsoft) trước khi mở ứng dụng. Tải về tại:$\r$\n${WEBVIEW2_URL}$\r$\n$\r$\nMở trang tải về ngay bây giờ?" /SD IDNO IDNO done
    ExecShell "open" "${WEBVIEW2_URL}"
    done:
  ${EndIf}
FunctionEnd

Section "${APPNAME}"
  SetOutPath "$INSTDIR"
  File "${STAGE}/vanthu-app.exe"
  File "${STAGE}/WebView2Loader.dll"
  File "${STAGE}/vanthu.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\vanthu-app.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\vanthu-app.exe"

  WriteRegStr HKCU "${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\vanthu-app.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

; Removes what the installer put there, and nothing else: the archive and its backups in
; %APPDATA%\vn.vanthu.app are the clerk's documents.
Section "Uninstall"
  Delete "$INSTDIR\vanthu-app.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\vanthu.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${APPKEY}"
SectionEnd
