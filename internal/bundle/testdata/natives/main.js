import exec from 'k6/execution';
import * as k6ns from 'k6';
import k6default, { check } from 'k6';

const again = require('k6');

export const same = k6default === again;
export const sameExec = exec === require('k6/execution');
export const execId = exec.vu.idInTest;
export const checkIsNative = check === again.check;
export const nsHasCheck = typeof k6ns.check;
export const defaultName = function () {}.name;

export default function () {}
export function named() {}
