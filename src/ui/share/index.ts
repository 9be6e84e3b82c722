// Public names of sharing and files: the link codec, scenario files, URL sync and panels.
export { encodeLink, decodeLink, toBase64Url, fromBase64Url, LINK_VERSION, LINK_KEY, type SharedState, type Variant, type LinkDecode } from './link-codec';
export { readScenarioFile, scenarioFileText, scenarioFileName, MAX_SCENARIO_FILE_BYTES, type FileRead } from './scenario-file';
export { currentLink, startUrlSync } from './url-sync';
export { SharePanel, NoticeBar } from './SharePanel';
