/** vis: measures how visible brands are in the answers of large language models. */
package dev.vis;
